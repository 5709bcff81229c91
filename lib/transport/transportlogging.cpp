#include "transportlogging.h"

Q_LOGGING_CATEGORY(lcTransport, "glosa.transport")
