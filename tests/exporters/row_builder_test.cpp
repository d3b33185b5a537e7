#include "exporters/row_builder.hpp"

#include <gtest/gtest.h>

#include <string>

#include "graph/partial_date.hpp"

namespace kgraph {
namespace {

TEST(RowBuilder, AppendsInOrderAcrossItsBuffer) {
  std::string out = "head|";
  std::string want = out;
  {
    RowBuilder row(out);
    for (int i = 0; i < 1000; ++i) {  // far more than the buffer holds
      const std::string cell = "cell" + std::to_string(i);
      row.put(cell);
      row.put(',');
      want += cell + ",";
    }
    const std::string long_text(5000, 'L');  // goes straight out, after what is buffered
    row.put(long_text);
    want += long_text;
    row.output() += "direct";  // code that appends to the output itself comes in order too
    want += "direct";
    row.put('\n');
    want += "\n";
  }
  EXPECT_EQ(out, want);
}

TEST(RowBuilder, WritesDatesIdsAndFields) {
  EntityFields ids(2);
  const std::string long_id(100, 'i');
  ids.set(0, "person-1");
  ids.set(1, long_id);
  StringPool pool;
  std::string out;
  {
    RowBuilder row(out);
    row.put(ids, 0);
    row.put(',');
    row.put(ids, 1);
    row.put(',');
    row.put(parse_partial_date("2006").value());
    row.put(',');
    row.put(parse_partial_date("2006-09").value());
    row.put(',');
    row.put(parse_partial_date("2006-09-19").value());
    row.put(',');
    row.put(PartialDate{});
    for (const char* text : {"plain", "", "a,b", "say \"hi\"", " lead", "two\nlines"}) {
      row.put(',');
      const StrId id = pool.intern(text);
      const bool quoted = row.put_field(pool.view(id), pool.classes(id));
      EXPECT_EQ(quoted, std::string(text) != "plain") << text;
    }
  }
  EXPECT_EQ(out, "person-1," + long_id +
                     ",2006,2006-09,2006-09-19,,plain,\"\",\"a,b\",\"say \"\"hi\"\"\",\" "
                     "lead\",\"two\nlines\"");
}

}  // namespace
}  // namespace kgraph
