#pragma once

#include <QLoggingCategory>

namespace Glosa {

Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace Glosa
