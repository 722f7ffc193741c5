using System.Globalization;

namespace TrendInsight.DuckDb;

/// <summary>Conversions between DuckDB's physical values and CLR values.</summary>
internal static class DuckDbValues
{
    /// <summary>DateOnly.DayNumber of 1970-01-01 (DuckDB's DATE is days since then).</summary>
    internal const int EpochDayNumber = 719162;

    internal const long EpochTicks = 621355968000000000L;

    private static readonly Int128[] PowersOf10 = BuildPowers();

    internal static DateOnly DateFromDays(int days)
    {
        var dayNumber = (long)days + EpochDayNumber;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
        {
            throw new DuckDbException(
                $"DATE value {days} days from 1970-01-01 (infinity or beyond year 9999) does not fit a DateOnly",
                DuckDbErrorType.OutOfRange);
        }

        return DateOnly.FromDayNumber((int)dayNumber);
    }

    internal static int DaysFromDate(DateOnly date) => date.DayNumber - EpochDayNumber;

    internal static DateTime DateTimeFromMicros(long micros, DateTimeKind kind)
    {
        var ticks = EpochTicks + (Int128)micros * 10;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            throw new DuckDbException(
                $"TIMESTAMP value {micros} µs from 1970-01-01 (infinity or beyond year 9999) does not fit a DateTime",
                DuckDbErrorType.OutOfRange);
        }

        return new DateTime((long)ticks, kind);
    }

    internal static long MicrosFromTicks(long ticks) => (ticks - EpochTicks) / 10;

    /// <summary>Wall-clock micros of a DateTime for a TIMESTAMP column (no zone conversion).</summary>
    internal static long MicrosFromDateTime(DateTime value) => MicrosFromTicks(value.Ticks);

    /// <summary>UTC micros of a DateTime for a TIMESTAMPTZ column: Local is converted, Utc and Unspecified are taken as UTC.</summary>
    internal static long UtcMicrosFromDateTime(DateTime value) =>
        MicrosFromTicks(value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks);

    internal static long MicrosFromDateTimeOffset(DateTimeOffset value) => MicrosFromTicks(value.UtcTicks);

    /// <summary>A DECIMAL's scaled integer to a decimal.</summary>
    internal static decimal DecimalFromScaled(Int128 scaled, int scale)
    {
        var negative = scaled < 0;
        var magnitude = (UInt128)(negative ? -scaled : scaled);
        while (scale > 28 || magnitude >> 96 != 0)
        {
            if (scale == 0)
            {
                throw new DuckDbException(
                    $"DECIMAL value {scaled} does not fit a System.Decimal (28–29 significant digits)", DuckDbErrorType.OutOfRange);
            }

            // Too many digits for System.Decimal: drop the least significant ones, rounding half away from zero.
            var remainder = magnitude % 10;
            magnitude /= 10;
            if (remainder >= 5)
            {
                magnitude++;
            }

            scale--;
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    /// <summary>A decimal to a DECIMAL(width, scale)'s scaled integer, rounding half away from zero.</summary>
    internal static Int128 ScaledFromDecimal(decimal value, int width, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var valueScale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var limit = (UInt128)Pow10Int128(width);
        try
        {
            if (scale >= valueScale)
            {
                for (var i = valueScale; i < scale; i++)
                {
                    magnitude = checked(magnitude * 10);
                }
            }
            else
            {
                var divisor = (UInt128)Pow10Int128(valueScale - scale);
                var remainder = magnitude % divisor;
                magnitude /= divisor;
                if (remainder * 2 >= divisor)
                {
                    magnitude++;
                }
            }
        }
        catch (OverflowException)
        {
            magnitude = limit;
        }

        if (magnitude >= limit)
        {
            throw new DuckDbException(
                string.Create(CultureInfo.InvariantCulture, $"Conversion Error: {value} does not fit DECIMAL({width},{scale})"),
                DuckDbErrorType.OutOfRange);
        }

        return negative ? -(Int128)magnitude : (Int128)magnitude;
    }

    internal static Int128 Pow10Int128(int exponent) => PowersOf10[exponent];

    private static Int128[] BuildPowers()
    {
        var powers = new Int128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
