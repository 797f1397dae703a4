namespace Logistics.Forecasting.Methods;

/// <summary>Nelder–Mead simplex minimisation (Nelder &amp; Mead 1965, with the usual coefficients 1, 2, ½, ½),
/// stopping after a number of function evaluations or when the simplex's values agree to a relative tolerance.
/// Returns the best point seen: a fit that runs out of evaluations still gives its best parameters.</summary>
internal static class NelderMead
{
    public static (double[] Point, double Value) Minimize(Func<double[], double> f, double[] start, double[] step,
        int maxEvaluations, double tolerance = 1e-8)
    {
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        points[0] = (double[])start.Clone();
        values[0] = f(points[0]);
        for (var i = 0; i < n; i++)
        {
            points[i + 1] = (double[])start.Clone();
            points[i + 1][i] += step[i];
            values[i + 1] = f(points[i + 1]);
        }
        var evaluations = n + 1;
        var order = new int[n + 1];
        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= n; i++) order[i] = i;
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            var best = order[0];
            var worst = order[n];
            var second = order[n - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + tolerance)) break;

            Array.Clear(centroid);
            for (var i = 0; i <= n; i++)
                if (i != worst)
                    for (var j = 0; j < n; j++) centroid[j] += points[i][j] / n;

            for (var j = 0; j < n; j++) trial[j] = centroid[j] + (centroid[j] - points[worst][j]);
            var reflected = f(trial);
            evaluations++;
            if (reflected < values[best])
            {
                for (var j = 0; j < n; j++) trial2[j] = centroid[j] + 2 * (centroid[j] - points[worst][j]);
                var expanded = f(trial2);
                evaluations++;
                if (expanded < reflected) Replace(worst, trial2, expanded);
                else Replace(worst, trial, reflected);
            }
            else if (reflected < values[second])
            {
                Replace(worst, trial, reflected);
            }
            else
            {
                var outside = reflected < values[worst];
                for (var j = 0; j < n; j++)
                    trial2[j] = outside ? centroid[j] + 0.5 * (trial[j] - centroid[j]) : centroid[j] + 0.5 * (points[worst][j] - centroid[j]);
                var contracted = f(trial2);
                evaluations++;
                if (contracted < Math.Min(reflected, values[worst]))
                {
                    Replace(worst, trial2, contracted);
                }
                else
                {
                    for (var i = 0; i <= n; i++)
                    {
                        if (i == best) continue;
                        for (var j = 0; j < n; j++) points[i][j] = points[best][j] + 0.5 * (points[i][j] - points[best][j]);
                        values[i] = f(points[i]);
                        evaluations++;
                    }
                }
            }
        }
        var argmin = 0;
        for (var i = 1; i <= n; i++)
            if (values[i] < values[argmin]) argmin = i;
        return (points[argmin], values[argmin]);

        void Replace(int index, double[] point, double value)
        {
            Array.Copy(point, points[index], n);
            values[index] = value;
        }
    }
}
