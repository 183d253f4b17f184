using System.Buffers.Binary;
using System.IO.Compression;

namespace ElderCare.Web.Features.Map;

/// <summary>
/// A PMTiles v3 archive (one file: a 127-byte header, a root directory, optional leaf directories, the tiles), read
/// by ranges: a tile is found by its Hilbert tile id in the root directory and, where the entry points to one, a leaf
/// directory; directories may be gzip-compressed (internal compression 2). Tiles are served as stored; a gzip-compressed
/// tile says so in its content encoding. The header and root directory are read once, on open.
/// </summary>
public sealed class PMTiles
{
    public const int HeaderLength = 127;
    private const int MaxDirectoryDepth = 4;

    private readonly string _path;
    private readonly Header _header;
    private readonly Entry[] _root;

    /// <summary>The numbers of the header this reader needs (the spec's field names).</summary>
    public sealed record Header(ulong RootOffset, ulong RootLength, ulong LeafOffset, ulong TileDataOffset, byte InternalCompression,
        byte TileCompression, byte TileType, byte MinZoom, byte MaxZoom);

    /// <summary>A directory entry: tiles <c>TileId … TileId + RunLength − 1</c> share the bytes at Offset; run length 0 = a leaf.</summary>
    public readonly record struct Entry(ulong TileId, ulong Offset, uint Length, uint RunLength);

    private PMTiles(string path, Header header, Entry[] root) => (_path, _header, _root) = (path, header, root);

    /// <summary>The media type of the archive's tiles (tile type 1 MVT, 2 PNG, 3 JPEG, 4 WebP, 5 AVIF).</summary>
    public string ContentType => _header.TileType switch
    {
        1 => "application/vnd.mapbox-vector-tile",
        3 => "image/jpeg",
        4 => "image/webp",
        5 => "image/avif",
        _ => "image/png",
    };

    /// <summary>Opens the archive: checks the magic and version and reads the root directory. Throws <see cref="InvalidDataException"/>.</summary>
    public static PMTiles Open(string path)
    {
        using var file = File.OpenRead(path);
        var bytes = new byte[HeaderLength];
        file.ReadExactly(bytes);
        var header = ReadHeader(bytes);
        var root = ReadDirectory(file, header.RootOffset, header.RootLength, header.InternalCompression);
        return new PMTiles(path, header, root);
    }

    public static Header ReadHeader(ReadOnlySpan<byte> b)
    {
        if (b.Length < HeaderLength || !b[..7].SequenceEqual("PMTiles"u8) || b[7] != 3)
            throw new InvalidDataException("not a PMTiles v3 archive");
        return new Header(U64(b, 8), U64(b, 16), U64(b, 40), U64(b, 56), b[97], b[98], b[99], b[100], b[101]);
    }

    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b.Slice(at, 8));

    /// <summary>The tile at z/x/y (XYZ, rows from the north), or null where the archive has none.</summary>
    public MapTile? Get(int z, int x, int y)
    {
        if (z < _header.MinZoom || z > _header.MaxZoom) return null;
        var id = TileId(z, x, y);
        using var file = File.OpenRead(_path);
        var directory = _root;
        for (var depth = 0; depth < MaxDirectoryDepth; depth++)
        {
            if (Find(directory, id) is not { } entry) return null;
            if (entry.RunLength > 0)
            {
                var data = new byte[entry.Length];
                file.Position = (long)(_header.TileDataOffset + entry.Offset);
                file.ReadExactly(data);
                var gzip = _header.TileCompression == 2;
                return new MapTile(data, ContentType, gzip ? "gzip" : null);
            }
            directory = ReadDirectory(file, _header.LeafOffset + entry.Offset, entry.Length, _header.InternalCompression);
        }
        return null;
    }

    /// <summary>The entry holding the tile id: the last entry at or before it, if its run reaches it or it is a leaf.</summary>
    public static Entry? Find(Entry[] entries, ulong id)
    {
        int low = 0, high = entries.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (entries[mid].TileId < id) low = mid + 1;
            else if (entries[mid].TileId > id) high = mid - 1;
            else return entries[mid];
        }
        if (high < 0) return null;
        var e = entries[high];
        return e.RunLength == 0 || id - e.TileId < e.RunLength ? e : null;
    }

    /// <summary>
    /// The PMTiles tile id: the tiles of all lower zooms ((4^z − 1) / 3) plus the position of x/y along the Hilbert curve
    /// of zoom z. 0/0/0 → 0; 1/0/0 → 1, 1/0/1 → 2, 1/1/1 → 3, 1/1/0 → 4.
    /// </summary>
    public static ulong TileId(int z, int x, int y)
    {
        var acc = ((1UL << (2 * z)) - 1) / 3;
        ulong d = 0;
        long tx = x, ty = y;
        for (var s = z == 0 ? 0L : 1L << (z - 1); s > 0; s >>= 1)
        {
            var rx = (tx & s) > 0 ? 1L : 0L;
            var ry = (ty & s) > 0 ? 1L : 0L;
            d += (ulong)(s * s * ((3 * rx) ^ ry));
            if (ry == 0)
            {
                if (rx == 1) (tx, ty) = (s - 1 - tx, s - 1 - ty);
                (tx, ty) = (ty, tx);
            }
        }
        return acc + d;
    }

    private static Entry[] ReadDirectory(FileStream file, ulong offset, ulong length, byte compression)
    {
        if (length > 64 * 1024 * 1024) throw new InvalidDataException("directory too large");
        var raw = new byte[length];
        file.Position = (long)offset;
        file.ReadExactly(raw);
        return ParseDirectory(compression == 2 ? Gunzip(raw) : raw);
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A directory: count, then the tile ids (delta), run lengths, lengths and offsets (0 = right after the previous), varints.</summary>
    public static Entry[] ParseDirectory(ReadOnlySpan<byte> data)
    {
        var at = 0;
        var count = Varint(data, ref at);
        if (count > (ulong)data.Length) throw new InvalidDataException("directory count too large");
        var entries = new Entry[count];
        ulong id = 0;
        for (var i = 0; i < entries.Length; i++) entries[i] = entries[i] with { TileId = id += Varint(data, ref at) };
        for (var i = 0; i < entries.Length; i++) entries[i] = entries[i] with { RunLength = (uint)Varint(data, ref at) };
        for (var i = 0; i < entries.Length; i++) entries[i] = entries[i] with { Length = (uint)Varint(data, ref at) };
        for (var i = 0; i < entries.Length; i++)
        {
            var offset = Varint(data, ref at);
            entries[i] = entries[i] with { Offset = offset == 0 && i > 0 ? entries[i - 1].Offset + entries[i - 1].Length : offset - 1 };
        }
        return entries;
    }

    private static ulong Varint(ReadOnlySpan<byte> d, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= d.Length) throw new InvalidDataException("directory ends early");
            var b = d[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("varint too long");
    }
}
