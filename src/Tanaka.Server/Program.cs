using Tanaka.Server.Cli;

// `tanaka` and `tanaka serve` run the server; other commands live in Cli/, one file each.
// What the server is made of, in order, is the table of contents in Hosting/TanakaApp.cs.
return await TanakaCli.InvokeAsync(args);
