using GovEval.Cli;

JitProfile.Start(args.Length > 0 ? args[0] : "help");
using var signals = new TerminationSignals();
return await CommandLine.RunAsync(args, Console.Out, Console.Error, signals.Token);
