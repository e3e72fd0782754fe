using Tanaka.Crdt.Tests.Encoding;

namespace Tanaka.Crdt.Tests.Updates;

/// <summary>
/// Vectors from yjs-format.md sections 3-5; every expected value was printed by yjs 13.6.33
/// (Y.mergeUpdates, Y.diffUpdate, Y.encodeStateVectorFromUpdate on the same inputs).
/// </summary>
public sealed class YUpdateTests
{
    // Client 5 sets tabs.a = 1, then tabs.a = 2 (two transactions).
    private const string MapSet1 = "01 01 05 00 28 01 04 74 61 62 73 01 61 01 7d 01 00";
    private const string MapSet2 = "01 01 05 01 a8 05 00 01 7d 02 01 05 01 00 01";

    // Client 3 sets m.x = 1, (m.y = 2,) m.z = 3.
    private const string GapX = "01 01 03 00 28 01 01 6d 01 78 01 7d 01 00";
    private const string GapZ = "01 01 03 02 28 01 01 6d 01 7a 01 7d 03 00";

    // Client 7 inserts 'ab😀c' into text t.
    private const string Text = "01 01 07 00 04 01 01 74 07 61 62 f0 9f 98 80 63 00";

    [Fact]
    public void Merge_re_encodes_items_and_clears_the_parent_sub_bit_of_items_with_origin()
    {
        Merge(MapSet1, MapSet2).ShouldBe("01 02 05 00 28 01 04 74 61 62 73 01 61 01 7d 01 88 05 00 01 7d 02 01 05 01 00 01");
    }

    [Fact]
    public void Merge_fills_a_gap_with_a_skip()
    {
        var merged = Merge(GapX, GapZ);
        merged.ShouldBe("01 03 03 00 28 01 01 6d 01 78 01 7d 01 0a 01 28 01 01 6d 01 7a 01 7d 03 00");
        Hex.Of(YUpdate.EncodeStateVectorFromUpdate(Hex.Parse(merged))).ShouldBe("01 03 01");
    }

    [Fact]
    public void Diff_never_starts_with_a_skip()
    {
        var merged = Hex.Parse(Merge(GapX, GapZ));
        Hex.Of(YUpdate.Diff(merged, Hex.Parse("01 03 01"))).ShouldBe("01 01 03 02 28 01 01 6d 01 7a 01 7d 03 00");
    }

    [Fact]
    public void State_vector_of_an_update_that_does_not_start_at_zero_is_empty()
    {
        Hex.Of(YUpdate.EncodeStateVectorFromUpdate(Hex.Parse(GapZ))).ShouldBe("00");
    }

    [Fact]
    public void Diff_cuts_a_string_inside_a_surrogate_pair_into_a_replacement_character()
    {
        Hex.Of(YUpdate.Diff(Hex.Parse(Text), Hex.Parse("01 07 03"))).ShouldBe("01 01 07 03 84 07 02 04 ef bf bd 63 00");
    }

    [Fact]
    public void Diff_against_the_empty_state_vector_keeps_everything()
    {
        Hex.Of(YUpdate.Diff(Hex.Parse(Text), Hex.Parse("00"))).ShouldBe(Text);
    }

    [Fact]
    public void Merging_one_update_returns_its_bytes_even_when_not_canonical()
    {
        // 1.0 written as float64 (as another encoder might): Yjs leaves a single update alone...
        var update = Hex.Parse("01 01 05 00 08 01 01 6d 01 7b 3f f0 00 00 00 00 00 00 00");
        Hex.Of(YUpdate.Merge([update])).ShouldBe(Hex.Of(update));

        // ...but re-encodes it in any real merge or diff.
        Merge(Hex.Of(update), "00 00").ShouldBe("01 01 05 00 08 01 01 6d 01 7d 01 00");
        Hex.Of(YUpdate.Diff(update, [0])).ShouldBe("01 01 05 00 08 01 01 6d 01 7d 01 00");
    }

    [Fact]
    public void Merging_nothing_gives_the_empty_update()
    {
        Hex.Of(YUpdate.Merge([])).ShouldBe("00 00");
    }

    [Fact]
    public void A_delete_set_client_without_ranges_is_dropped()
    {
        Merge("00 01 05 00", "00 00").ShouldBe("00 00");
    }

    [Fact]
    public void Diff_keeps_the_order_of_delete_ranges_while_merge_sorts_and_coalesces()
    {
        const string update = "00 02 04 02 05 01 00 01 05 01 03 01";
        Hex.Of(YUpdate.Diff(Hex.Parse(update), [0])).ShouldBe("00 02 05 01 03 01 04 02 05 01 00 01");
        Merge(update, "00 01 04 02 00 00 02 01").ShouldBe("00 02 05 01 03 01 04 03 00 01 02 01 05 01");
    }

    [Fact]
    public void Flag_bits_on_a_gc_are_ignored()
    {
        Merge("01 01 05 00 80 02 00", "00 00").ShouldBe("01 01 05 00 00 02 00");
    }

    [Fact]
    public void On_a_tie_the_earlier_input_wins_and_its_following_structs_are_copied()
    {
        // Client 11 made m.n a nested map holding k: 'v'; client 12 deleted m.n. "collected"
        // is a state after the delete (ContentDeleted + GC), "alive" one before it.
        const string alive = "01 02 0b 00 27 01 01 6d 01 6e 01 28 00 0b 00 01 6b 01 77 01 76 00";
        const string collected = "01 02 0b 00 21 01 01 6d 01 6e 01 00 01 01 0b 01 00 02";
        Merge(collected, alive).ShouldBe("01 02 0b 00 21 01 01 6d 01 6e 01 00 01 01 0b 01 00 02");
        Merge(alive, collected).ShouldBe("01 02 0b 00 27 01 01 6d 01 6e 01 28 00 0b 00 01 6b 01 77 01 76 01 0b 01 00 02");
    }

    [Fact]
    public void Validate_accepts_the_largest_client_and_clock()
    {
        YUpdate.Validate(Hex.Parse("01 01 ff ff ff ff ff ff ff 0f 00 00 01 00"));
        YUpdate.Validate(Hex.Parse("01 01 05 fe ff ff ff ff ff ff 0f 00 01 00"));
    }

    [Fact]
    public void An_input_with_clients_in_ascending_order_merges_like_its_descending_form()
    {
        // Client 3's x then client 5's a=1 (blocks ascending), and the same in Yjs's order.
        const string ascending = "02 01 03 00 28 01 01 6d 01 78 01 7d 01 01 05 00 28 01 04 74 61 62 73 01 61 01 7d 01 00";
        const string descending = "02 01 05 00 28 01 04 74 61 62 73 01 61 01 7d 01 01 03 00 28 01 01 6d 01 78 01 7d 01 00";
        Merge(ascending, MapSet2).ShouldBe(Merge(descending, MapSet2));
        Merge(MapSet2, ascending, GapZ).ShouldBe(Merge(MapSet2, descending, GapZ));
        Hex.Of(YUpdate.Diff(Hex.Parse(ascending), [0])).ShouldBe(ascending);
    }

    [Fact]
    public void V2_update_converts_to_v1()
    {
        // yjs-format 10: the array insert of 3.3 in v2; the item has no origins, so v1 holds the same bytes as 3.3.
        const string v2 = "00 00 01 09 00 00 01 08 06 04 6c 69 73 74 04 01 01 00 01 03 01 01 00 7d 01 7d 02 7d 03 00";
        Hex.Of(YUpdate.ConvertV2ToV1(Hex.Parse(v2))).ShouldBe("01 01 09 00 08 01 04 6c 69 73 74 03 7d 01 7d 02 7d 03 00");
        var decoded = Tanaka.Crdt.Updates.UpdateDecoder.DecodeV2(Hex.Parse(v2));
        decoded.Clients.ShouldHaveSingleItem().Client.ShouldBe(9UL);
    }

    [Theory]
    [InlineData("00 00 01 09 00 00 01 08 06 04 6c 69 73 74 04 01 01 00 01 03 01 01 00 7d 01 7d 02 7d 03 00 00", DecodeError.TrailingBytes)] // a byte after the delete set
    [InlineData("00 00 01 09 00 00 01 08 06 04 6c 69 73 74 04 01 01 00 01 03 01 01 00 7d 01 7d 02 7d 03", DecodeError.UnexpectedEnd)] // no delete set
    [InlineData("00 00 01 09 00 00 01 0b 06 04 6c 69 73 74 04 01 01 00 01 03 01 01 00 7d 01 7d 02 7d 03 00", DecodeError.UnknownTag)] // content ref 11 in the info column
    [InlineData("00 00 01 09 00 00 01 08 06 04 6c 69 73 74 09 01 01 00 01 03 01 01 00 7d 01 7d 02 7d 03 00", DecodeError.LengthExceedsInput)] // a string longer than the string column
    [InlineData("00 00 01 09 00 00 01 08 06 04 6c 69 73 ff 04 01 01 00 01 03 01 01 00 7d 01 7d 02 7d 03 00", DecodeError.InvalidUtf8)] // the string column is not UTF-8
    [InlineData("00 00 01 09 00 00 01 08 06 04 6c 69 73 74 04 01 01 00 01 03 01 01 00 7d 01 7d 02 00 03 00", DecodeError.UnknownTag)] // Any tag 0
    [InlineData("00 00 01 09 00 00 01 08 06 04 6c 69 73 74 04 01 01 00 01 09 01 01 00 7d 01 7d 02 7d 03 00", DecodeError.LengthExceedsInput)] // more Any values than the rest holds
    public void Malformed_v2_updates_are_rejected(string hex, DecodeError error)
    {
        Should.Throw<UpdateDecodeException>(() => YUpdate.ConvertV2ToV1(Hex.Parse(hex))).Error.ShouldBe(error);
    }

    private static string Merge(params string[] updates) => Hex.Of(YUpdate.Merge([.. updates.Select(Hex.Parse)]));
}
