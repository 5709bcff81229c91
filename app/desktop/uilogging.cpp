#include "uilogging.h"

namespace Glosa {

Q_LOGGING_CATEGORY(lcUi, "glosa.ui")

} // namespace Glosa
