// The `logistics` command: filled in by the route-planning work (issue #3).
Console.Error.WriteLine("logistics: no commands yet");
return 2;
