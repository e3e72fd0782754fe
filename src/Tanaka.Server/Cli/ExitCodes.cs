namespace Tanaka.Server.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed at run time (port in use, disk error).</summary>
    public const int Failure = 1;

    /// <summary>The configuration or the command line is invalid; the message says which key.</summary>
    public const int InvalidConfiguration = 2;
}
