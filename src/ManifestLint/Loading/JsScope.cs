namespace ManifestLint.Loading;

/// <summary>A lexical scope, tracking only the names our rules care about (CommonJS globals, `process`).</summary>
internal sealed class JsScope(JsScope? parent, bool isFunction)
{
    /// <summary>Asked for every identifier of every file: a string switch (length, then characters), not a set
    /// look-up that hashes each name.</summary>
    public static bool IsTracked(string name) => name is "require" or "module" or "exports" or "__dirname" or "__filename" or "process";

    private HashSet<string>? declared;

    public JsScope? Parent { get; } = parent;
    public bool IsFunction { get; } = isFunction;

    /// <summary>The module/script top level (where `await` is top-level await).</summary>
    public bool IsProgram { get; init; }

    /// <summary>Where `var` declarations land.</summary>
    public JsScope FunctionScope
    {
        get
        {
            var scope = this;
            while (!scope.IsFunction && scope.Parent is not null) scope = scope.Parent;
            return scope;
        }
    }

    public void Declare(string name)
    {
        if (IsTracked(name)) (declared ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
    }

    /// <summary>True when no enclosing scope declares the name (it refers to the global/module wrapper binding).</summary>
    public bool IsFree(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.declared?.Contains(name) == true) return false;
        }
        return true;
    }
}
