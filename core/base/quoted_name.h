// A file name as messages print it. Names come from the file system, which allows any
// byte but '/' and NUL: a name holding a newline could print a line that looks like one
// of kaiji's own warnings, a terminal escape could rewrite the screen, a bidi control
// could show the name backwards. Such a name is printed quoted, its dangerous characters
// escaped; an ordinary name is printed as it is.
#pragma once

#include <string>
#include <string_view>

namespace kaiji {

// `name` unchanged when every character is printable (and none is '"' or '\'); else in
// double quotes with \n, \t, \r, \", \\, \xHH for other control characters and bytes that
// are not UTF-8, and \u{HHHH} for line separators and bidi controls.
std::string quoted_name(std::string_view name);

}  // namespace kaiji
