#include "logging.h"

Q_LOGGING_CATEGORY(lcServer, "glosa.server")
Q_LOGGING_CATEGORY(lcStore, "glosa.store")
