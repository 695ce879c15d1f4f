using System.Buffers;
using System.Text.Unicode;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>YAML must be UTF-8: kubectl (go-yaml) refuses other bytes ("invalid leading UTF-8 octet"), so a
/// Latin-1 or binary file named .yaml is a parse error at its first bad byte, not text with U+FFFD in it.</summary>
internal static class Utf8Check
{
    public static LoadProblem? FirstInvalid(string file, byte[] bytes)
    {
        if (Utf8.IsValid(bytes)) return null;
        var rented = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            Utf8.ToUtf16(bytes, rented, out var validBytes, out var chars, replaceInvalidSequences: false);
            var valid = rented.AsSpan(0, chars);
            var line = 1 + valid.Count('\n');
            var lineStart = valid.LastIndexOf('\n') + 1;
            var column = 1 + valid[lineStart..].Length - (line == 1 && valid.Length > 0 && valid[0] == '\uFEFF' ? 1 : 0);
            return new LoadProblem(SourceSpan.At(file, line, column), "YAML",
                $"the file is not valid UTF-8 (byte 0x{bytes[validBytes]:X2} here); Kubernetes reads manifests as UTF-8 only. Save it as UTF-8, or exclude it if it is not a manifest");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
