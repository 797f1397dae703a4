Console.Error.WriteLine("The fleet simulator is being built (issue #5).");
return 1;
