// The one definition of the per-thread memo, built into
// libparley-fold-memo.so (see fold_memo.hpp).
#include "fold_memo.hpp"

namespace parley::text {

FoldMemo& thread_fold_memo() {
  thread_local FoldMemo memo;
  return memo;
}

}  // namespace parley::text
