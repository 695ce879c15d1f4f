using Acornima;

namespace ManifestLint.Loading;

/// <summary>Stops a parse once one scope's declarations cost more than the limit allows. Acornima, like acorn,
/// checks every new let/const/class (and module-level function) against lists of all names already declared
/// in its scope, and every `var` against the lexical ones, so a 5 MB ES-module bundle with 150,000 top-level
/// bindings takes minutes. The work is estimated the same way and capped at what `max` lexical declarations
/// alone would cost (max²/2 comparisons). Counted from the token stream while parsing: every `{` (or `${`)
/// opens a frame, which over-counts scopes but never merges two.</summary>
internal sealed class ScopeDeclarationGuard
{
    private sealed class Frame
    {
        public long Lexical, Var, Work;
        public int Parens;
        /// <summary>Inside `let|const|var a, b, …`: each top-level comma declares one more.</summary>
        public bool? ListIsLexical;
    }

    private readonly int max;
    private readonly long maxWork;
    private readonly bool module;
    private readonly Stack<Frame> frames = new();
    private bool statementStart = true;

    private ScopeDeclarationGuard(int max, bool module)
    {
        this.max = max;
        maxWork = (long)max * max / 2;
        this.module = module;
        frames.Push(new Frame());
    }

    /// <summary>Options that enforce <paramref name="max"/>; a file too short to hold that many declarations
    /// (`let a,b,…` takes two characters each) is parsed without the per-token callback.</summary>
    public static ParserOptions Apply(ParserOptions options, string text, int max, bool module) =>
        text.Length < 2L * max ? options : options with { OnToken = new ScopeDeclarationGuard(max, module).OnToken };

    private void OnToken(in Token token)
    {
        var frame = frames.Peek();
        var atStatementStart = statementStart;
        statementStart = false;
        switch (token.Kind)
        {
            case TokenKind.Punctuator:
                switch (token.Value as string)
                {
                    case "{" or "${":
                        frames.Push(new Frame());
                        statementStart = true;
                        break;
                    case "}":
                        if (frames.Count > 1) frames.Pop();
                        statementStart = true;
                        break;
                    case "(" or "[":
                        frame.Parens++;
                        break;
                    case ")" or "]":
                        if (frame.Parens > 0) frame.Parens--;
                        break;
                    case ",":
                        if (frame.ListIsLexical is { } lexical && frame.Parens == 0) Count(frame, lexical, token);
                        break;
                    case ";":
                        if (frame.Parens == 0) { frame.ListIsLexical = null; statementStart = true; }
                        break;
                }
                break;
            case TokenKind.Keyword or TokenKind.Identifier when atStatementStart:
                switch (token.Value as string)
                {
                    case "const" or "let" or "var":
                        frame.ListIsLexical = (string)token.Value! != "var";
                        Count(frame, frame.ListIsLexical.Value, token);
                        break;
                    case "class":
                        Count(frame, lexical: true, token);
                        break;
                    case "function":
                        // Lexical only at a module's top level; in scripts and function bodies it is var-like.
                        Count(frame, lexical: module && frames.Count == 1, token);
                        break;
                    case "export" or "default" or "async":
                        statementStart = true;
                        break;
                }
                break;
        }
    }

    private void Count(Frame frame, bool lexical, in Token token)
    {
        frame.Work += lexical ? frame.Lexical + frame.Var : frame.Lexical;
        if (lexical) frame.Lexical++; else frame.Var++;
        if (frame.Work > maxWork) throw new ScopeLimitException(token.Location.Start.Line, token.Location.Start.Column + 1, max);
    }
}

/// <summary>Thrown from the token callback to abandon the parse; carries where the limit was crossed.</summary>
internal sealed class ScopeLimitException(int line, int column, int max) : Exception($"more than {max} declarations in one scope")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
    public int Max { get; } = max;
}
