// Greek addresses people in the vocative case: "Γεια σας Γιώργο", not
// "Γιώργος". Replies greet the customer by first name (P20: in their
// language, and grammatical), so Greek names take their vocative ending.
#pragma once

#include <string>
#include <string_view>

namespace parley::playbook {

/// The vocative of a Greek first name written in lower case after its
/// capital: -ας -> -α, -ης -> -η, -ος -> -ο, or -ε when the stress falls on
/// the third syllable from the end ("Αλέξανδρος" -> "Αλέξανδρε"). Feminine
/// names, names in capitals and names in other scripts are returned as they are.
std::string greek_vocative(std::string_view name);

}  // namespace parley::playbook
