using GovEval.Cli;

JitProfile.Start(args.Length > 0 ? args[0] : "help");
return await CommandLine.RunAsync(args, Console.Out, Console.Error);
