using Tanaka.Crdt.Tests.Encoding;
using Tanaka.Crdt.Updates;

namespace Tanaka.Crdt.Tests.Updates;

public sealed class StateVectorTests
{
    [Fact]
    public void Encodes_clients_in_descending_order()
    {
        var sv = new StateVector();
        sv.Set(3, 7);
        sv.Set(9, 3);
        sv.Set(4294967297, 1);
        Hex.Of(sv.Encode()).ShouldBe("03 81 80 80 80 10 01 09 03 03 07");
    }

    [Fact]
    public void Decodes_with_the_last_entry_of_a_repeated_client_winning()
    {
        var sv = StateVector.Decode(Hex.Parse("02 05 01 05 03"));
        sv.Get(5).ShouldBe(3UL);
        sv.Get(6).ShouldBe(0UL);
        sv.Count.ShouldBe(1);
    }

    [Fact]
    public void Empty_state_vector()
    {
        StateVector.Decode([0]).Count.ShouldBe(0);
        Hex.Of(new StateVector().Encode()).ShouldBe("00");
    }
}
