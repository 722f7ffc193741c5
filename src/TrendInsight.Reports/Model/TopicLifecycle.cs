namespace TrendInsight.Reports.Model;

/// <summary>Where a topic or term is in its life, from level, slope and acceleration.</summary>
public enum TopicLifecycle
{
    /// <summary>Not enough history to say.</summary>
    Unknown = 0,

    /// <summary>Small but appearing: little or no baseline.</summary>
    Emerging,

    /// <summary>Growing with positive slope.</summary>
    Rising,

    /// <summary>High level, slope flattening.</summary>
    Peaking,

    /// <summary>Falling.</summary>
    Declining,

    /// <summary>Flat.</summary>
    Stable,
}
