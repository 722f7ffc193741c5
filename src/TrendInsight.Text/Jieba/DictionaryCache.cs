using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using TrendInsight.Core;

namespace TrendInsight.Text.Jieba;

/// <summary>
/// The loaded dictionary (frozen trie, user tags) and HMM tables kept on disk in a compact binary form, so
/// that a process that only needs to look words up does not parse jieba's 350,000-line <c>dict.txt</c>
/// and its JSON tables again. A file is named by the SHA-256 of everything the load reads (the
/// dictionary, the HMM files, the lexicon entries, the user dictionaries, the options, the build of this
/// code); it ends with the SHA-256 of its own contents, so a truncated or damaged file is never used: it
/// is rebuilt.
/// </summary>
internal static class DictionaryCache
{
    private const string FilePrefix = "segmenter-";
    private const string FileSuffix = ".bin";
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "TIJIEBA\0"u8.ToArray();

    /// <summary>What the cache holds: the frozen trie, the tags of user words and the HMM model.</summary>
    public sealed record Entry(FlatTrie Trie, Dictionary<string, string> Tags, HmmModel Hmm);

    /// <summary>
    /// The key of a load: a hash of the format version, the options and the bytes of every file the
    /// load reads. Fails, as the load would, when one of those files is missing.
    /// </summary>
    public static byte[] Key(SegmenterOptions options, string dictionaryPath, IReadOnlyList<string> hmmFiles)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        void FileBytes(string path)
        {
            var bytes = File.ReadAllBytes(AssetLocator.Require(path));
            Text(bytes.LongLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
            hash.AppendData(bytes);
        }

        Text("format " + FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // the code that parsed it: the build is deterministic, so this changes exactly when the code does
        Text(typeof(DictionaryCache).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        FileBytes(dictionaryPath);
        Text("hmm " + hmmFiles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var file in hmmFiles)
        {
            Text(Path.GetFileName(file));
            FileBytes(file);
        }

        foreach (var p in JiebaData.HmmStart)
        {
            Text(p.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }

        Text(options.LowerCaseTwins ? "twins" : "no twins");
        var entries = options.Lexicon?.Entries ?? [];
        Text("lexicon " + entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var e in entries)
        {
            Text(e.Word);
            Text(e.Frequency?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
            Text(e.TypeName);
        }

        Text("user " + options.UserDictionaries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var user in options.UserDictionaries)
        {
            FileBytes(user);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The cache file of <paramref name="key"/> in <paramref name="folder"/>.</summary>
    public static string PathOf(string folder, byte[] key) => Path.Combine(folder, FilePrefix + Convert.ToHexStringLower(key) + FileSuffix);

    /// <summary>
    /// The entry stored under <paramref name="key"/>; null when there is none, or when the file is
    /// damaged or was written for another key (it is then left to be replaced).
    /// </summary>
    public static Entry? TryRead(string folder, byte[] key, string hmmSource)
    {
        var path = PathOf(folder, key);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        RemoveAbandoned(folder);
        try
        {
            return Parse(bytes, key, hmmSource);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or IndexOutOfRangeException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="entry"/> under <paramref name="key"/>: written to a temporary name and
    /// renamed, so a reader never sees half a file; cache files of other keys are removed, and so are
    /// temporary files a killed process left (as on every read that finds the cache).
    /// </summary>
    public static void Write(string folder, byte[] key, Entry entry)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(folder, key);
        var tmp = Path.Combine(folder, $".{FilePrefix}{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var body = Serialize(key, entry);
                stream.Write(body);
                stream.Write(SHA256.HashData(body));
            }

            File.Move(tmp, path, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }

        foreach (var stale in Directory.EnumerateFiles(folder, FilePrefix + "*" + FileSuffix))
        {
            if (!string.Equals(stale, path, StringComparison.Ordinal))
            {
                File.Delete(stale);
            }
        }

        RemoveAbandoned(folder);
    }

    /// <summary>How old a temporary cache file is before it counts as left behind by a killed process (a write takes well under a second).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Deletes the temporary files of writes that never finished. Another process may be writing its own right now,
    /// so only one untouched for <see cref="AbandonedAfter"/> goes; one that cannot be deleted (a read-only folder) stays.
    /// </summary>
    private static void RemoveAbandoned(string folder)
    {
        try
        {
            foreach (var abandoned in Directory.EnumerateFiles(folder, "." + FilePrefix + "*.tmp"))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(abandoned) > AbandonedAfter)
                {
                    File.Delete(abandoned);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for a later run.
        }
    }

    private static byte[] Serialize(byte[] key, Entry entry)
    {
        using var memory = new MemoryStream();
        using (var w = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(key);
            var trie = entry.Trie;
            w.Write(trie.Total);
            w.Write(trie.Frequencies.Length);
            w.Write(trie.EdgeChars.Length);
            w.Write(MemoryMarshal.AsBytes(trie.ChildStart));
            w.Write(MemoryMarshal.AsBytes(trie.EdgeChars));
            w.Write(MemoryMarshal.AsBytes(trie.EdgeNodes));
            w.Write(MemoryMarshal.AsBytes(trie.Frequencies));
            w.Write(trie.ForceSplitWords.Count);
            foreach (var word in trie.ForceSplitWords.Order(StringComparer.Ordinal))
            {
                w.Write(word);
            }

            w.Write(entry.Tags.Count);
            foreach (var (word, tag) in entry.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                w.Write(word);
                w.Write(tag);
            }

            var hmm = entry.Hmm;
            w.Write(MemoryMarshal.AsBytes(hmm.Start.AsSpan()));
            w.Write(MemoryMarshal.AsBytes(hmm.Trans.AsSpan()));
            for (var s = 0; s < 4; s++)
            {
                var emit = hmm.Emit[s];
                var count = 0;
                foreach (var p in emit)
                {
                    count += p == HmmModel.MinFloat ? 0 : 1;
                }

                w.Write(count);
                for (var c = 0; c < emit.Length; c++)
                {
                    if (emit[c] != HmmModel.MinFloat)
                    {
                        w.Write((char)c);
                        w.Write(emit[c]);
                    }
                }
            }
        }

        return memory.ToArray();
    }

    private static Entry Parse(byte[] bytes, byte[] key, string hmmSource)
    {
        if (bytes.Length < Magic.Length + 4 + key.Length + 32)
        {
            throw new InvalidDataException("cache file too short");
        }

        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            throw new InvalidDataException("cache file checksum does not match");
        }

        using var r = new BinaryReader(new MemoryStream(bytes, 0, body.Length, writable: false), Encoding.UTF8);
        if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadInt32() != FormatVersion
            || !r.ReadBytes(key.Length).AsSpan().SequenceEqual(key))
        {
            throw new InvalidDataException("cache file of another format or key");
        }

        var total = r.ReadInt64();
        var nodes = r.ReadInt32();
        var edges = r.ReadInt32();
        if (nodes <= 0 || edges < 0 || (nodes * 8L) + (edges * 6L) > body.Length)
        {
            throw new InvalidDataException("cache file sizes out of range");
        }

        var childStart = ReadArray<int>(r, nodes + 1);
        var edgeChar = ReadArray<char>(r, edges);
        var edgeNode = ReadArray<int>(r, edges);
        var frequency = ReadArray<long>(r, nodes);
        var forceSplit = new string[ReadCount(r)];
        for (var i = 0; i < forceSplit.Length; i++)
        {
            forceSplit[i] = r.ReadString();
        }

        var tagCount = ReadCount(r);
        var tags = new Dictionary<string, string>(tagCount, StringComparer.Ordinal);
        for (var i = 0; i < tagCount; i++)
        {
            tags.Add(r.ReadString(), r.ReadString());
        }

        var start = ReadArray<double>(r, 4);
        var trans = ReadArray<double>(r, 16);
        var emit = new List<(int State, char Char, double Value)>();
        for (var s = 0; s < 4; s++)
        {
            var count = ReadCount(r);
            for (var i = 0; i < count; i++)
            {
                emit.Add((s, r.ReadChar(), r.ReadDouble()));
            }
        }

        if (r.BaseStream.Position != body.Length)
        {
            throw new InvalidDataException("cache file has trailing bytes");
        }

        return new Entry(FlatTrie.FromArrays(childStart, edgeChar, edgeNode, frequency, total, forceSplit), tags, HmmModel.FromTables(hmmSource, start, trans, emit));
    }

    private static int ReadCount(BinaryReader r)
    {
        var count = r.ReadInt32();
        return count >= 0 && count <= r.BaseStream.Length ? count : throw new InvalidDataException("cache file count out of range");
    }

    private static T[] ReadArray<T>(BinaryReader r, int length)
        where T : unmanaged
    {
        var array = new T[length];
        var target = MemoryMarshal.AsBytes(array.AsSpan());
        if (r.Read(target) != target.Length)
        {
            throw new InvalidDataException("cache file ends early");
        }

        return array;
    }
}
