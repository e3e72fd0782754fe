namespace Tanaka.Crdt.Types;

/// <summary>
/// An XML type (element, fragment, hook or XML text) received in an update. The server only
/// stores and forwards these; it offers no editing API for them.
/// </summary>
internal sealed class XmlType(Branch branch) : YType(branch);
