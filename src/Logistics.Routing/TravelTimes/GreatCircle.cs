using Logistics.Core;

namespace Logistics.Routing.TravelTimes;

/// <summary>Distance along the earth's surface on a sphere (haversine).</summary>
public static class GreatCircle
{
    /// <summary>The IUGG mean earth radius; the spherical model errs by at most ~0.5% against the
    /// ellipsoid, far less than the road circuity it is multiplied by.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    public static double Metres(Coordinates a, Coordinates b)
    {
        var phi1 = Radians(a.Latitude);
        var phi2 = Radians(b.Latitude);
        var dPhi = phi2 - phi1;
        var dLambda = Radians(b.Longitude - a.Longitude);
        var h = Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2) + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
