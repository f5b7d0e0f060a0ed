// Everything a plugin needs: #include <parley/parley.hpp>
#pragma once

#include "parley/action.hpp"
#include "parley/author_history.hpp"
#include "parley/case_view.hpp"
#include "parley/config.hpp"
#include "parley/event.hpp"
#include "parley/labels.hpp"
#include "parley/plugin.hpp"
#include "parley/version.hpp"
