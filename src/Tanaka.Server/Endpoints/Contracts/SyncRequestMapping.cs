using System.Buffers.Text;
using Tanaka.Crdt;
using Tanaka.Crdt.Updates;
using Tanaka.Server.Config;
using Tanaka.Server.Domain;
using Tanaka.Server.Errors;
using Tanaka.Server.Services;

namespace Tanaka.Server.Endpoints.Contracts;

/// <summary>
/// Checks the shape of a <c>POST /sync</c> body and turns it into a <see cref="SyncRequest"/>:
/// 400 <c>validation_failed</c> with every bad field, or 413 <c>payload_too_large</c> for an
/// update or state vector over <c>sync.max_update_bytes</c> (checked before decoding).
/// Whether the update is valid Yjs is the sync service's to find out.
/// </summary>
public static class SyncRequestMapping
{
    /// <summary>
    /// Device clocks above this are refused: the server clock follows the largest clock it sees,
    /// and must stay far from 2^53 (the largest integer a JSON number holds exactly).
    /// </summary>
    public const long MaxDeviceClock = 1L << 52;

    public static SyncRequest ToSyncRequest(this SyncRequestDto dto, SyncOptions limits)
    {
        ArgumentNullException.ThrowIfNull(dto);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        if (dto.DeviceId is null)
        {
            errors["device_id"] = ["Required."];
        }
        else if (!Identifier.IsValid(dto.DeviceId))
        {
            errors["device_id"] = [$"Must be {Identifier.Rule}."];
        }

        if (dto.Clock is < 0 or > MaxDeviceClock)
        {
            errors["clock"] = [$"Must be an integer from 0 to {MaxDeviceClock}."];
        }

        if (dto.SinceClock is < 0 or > LamportClock.MaxValue)
        {
            errors["since_clock"] = [$"Must be an integer from 0 to {LamportClock.MaxValue}."];
        }

        var stateVector = Decode(dto.StateVector, "state_vector", limits, errors);
        if (stateVector is not null && !IsStateVector(stateVector))
        {
            errors["state_vector"] = ["Must be a Yjs state vector (as Y.encodeStateVector returns), base64."];
        }

        var update = Decode(dto.Update, "update", limits, errors);
        if (errors.Count > 0)
        {
            throw new AppException(new AppError.Validation($"The request is not valid: {string.Join(", ", errors.Keys)}.", errors));
        }

        return new SyncRequest(dto.DeviceId!)
        {
            Clock = dto.Clock ?? 0,
            SinceClock = dto.SinceClock,
            StateVector = stateVector,
            Update = update,
        };
    }

    /// <summary>Standard base64 (RFC 4648 section 4) or base64url (section 5), padded or not.</summary>
    private static byte[]? Decode(string? base64, string field, SyncOptions limits, Dictionary<string, string[]> errors)
    {
        if (base64 is null)
        {
            return null;
        }

        if (base64.Length == 0)
        {
            errors[field] = ["Must not be empty; leave the field out instead."];
            return null;
        }

        // Known too large from its length alone: refuse before allocating.
        if (base64.Length > 4L * ((limits.MaxUpdateBytes + 2L) / 3))
        {
            throw TooLarge(field, limits);
        }

        byte[] bytes;
        try
        {
            bytes = base64.AsSpan().ContainsAny('-', '_') ? Base64Url.DecodeFromChars(base64) : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            errors[field] = ["Must be base64."];
            return null;
        }

        if (bytes.Length > limits.MaxUpdateBytes)
        {
            throw TooLarge(field, limits);
        }

        return bytes;
    }

    private static bool IsStateVector(byte[] bytes)
    {
        try
        {
            StateVector.Decode(bytes);
            return true;
        }
        catch (UpdateDecodeException)
        {
            return false;
        }
    }

    private static AppException TooLarge(string field, SyncOptions limits) =>
        new(new AppError.PayloadTooLarge($"The {field} is larger than {limits.MaxUpdateBytes} bytes (sync.max_update_bytes)."));
}
