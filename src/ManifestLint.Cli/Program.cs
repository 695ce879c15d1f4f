using System.Text;
using ManifestLint.Cli;

if (!Console.IsOutputRedirected) return CommandLine.Run(args, Console.Out, Console.Error);

// Console.Out flushes on every write: a 14 MB SARIF log piped to a file was tens of thousands of write(2) calls and
// took longer than linting. Redirected output gets one buffered UTF-8 writer; the console stream ignores EPIPE as before.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
return CommandLine.Run(args, stdout, Console.Error);
