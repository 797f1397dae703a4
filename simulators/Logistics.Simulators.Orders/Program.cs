// The orders simulator: filled in by the route-planning work (issue #3).
Console.Error.WriteLine("orders simulator: not written yet");
return 2;
