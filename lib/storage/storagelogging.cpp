#include "storagelogging.h"

Q_LOGGING_CATEGORY(lcStore, "glosa.store")
