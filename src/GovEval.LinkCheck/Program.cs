using GovEval.LinkCheck;

return await LinkCheckCommand.RunAsync(args, Console.Out, Console.Error);
