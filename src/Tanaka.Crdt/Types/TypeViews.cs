using Tanaka.Crdt.Structs;

namespace Tanaka.Crdt.Types;

/// <summary>Creates the public view of a branch from its kind.</summary>
internal static class TypeViews
{
    public static YType Create(Branch branch)
    {
        YType view = branch.Kind switch
        {
            TypeRef.Map => new YMap(branch),
            TypeRef.Array => new YArray(branch),
            TypeRef.Text => new YText(branch),
            _ => new XmlType(branch),
        };
        branch.View = view;
        return view;
    }
}
