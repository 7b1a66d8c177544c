// Notice text on its way to a terminal or a spreadsheet. A notice is data from the web:
// an escape sequence in it would drive the analyst's terminal, a cell starting with '='
// would run as a formula in Excel. JSON output stays exact; these are for text and CSV.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "snippet.h"

namespace kaiji {

// Control characters made visible as less and git show them: ESC as ^[, BEL as ^G, DEL
// as ^?, a C1 control as <U+009B>. Newlines and tabs stay.
std::string visible_controls(std::string_view text);

// The snippet with visible_controls applied, its highlights moved to match.
Snippet visible_snippet(const Snippet& snippet);

// One CSV cell (RFC 4180): control characters other than tab, CR and newline removed; a
// cell starting with =, +, -, @, tab or CR gets a leading apostrophe (OWASP's rule
// against CSV injection); quoted when it holds a comma, quote or line break.
std::string csv_cell(std::string_view value);

// Columns a terminal gives the text: East Asian wide and full-width characters take two.
std::size_t display_width(std::string_view text);
// Padded to `columns` terminal columns (at least one space after), so tables line up over
// Japanese text.
std::string padded(const std::string& text, std::size_t columns);

}  // namespace kaiji
