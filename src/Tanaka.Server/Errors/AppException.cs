namespace Tanaka.Server.Errors;

/// <summary>Carries an <see cref="AppError"/> out of a service; the exception handler turns it into problem+json.</summary>
public sealed class AppException : Exception
{
    public AppException(AppError error)
        : base(error?.ToString(), null) => Error = error ?? throw new ArgumentNullException(nameof(error));

    public AppException(AppError error, Exception innerException)
        : base(error?.ToString(), innerException) => Error = error ?? throw new ArgumentNullException(nameof(error));

    public AppError Error { get; }
}
