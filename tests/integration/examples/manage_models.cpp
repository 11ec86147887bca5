// The ORM tests' models, registered for the manage tool built in the SurrealQt build tree.

#include "../../unit/orm/TestModels.h"

#include <surrealqt/orm/Registry.h>

namespace OrmTest {
SURREALQT_REGISTER_MODEL(Author)
SURREALQT_REGISTER_MODEL(Tag)
SURREALQT_REGISTER_MODEL(Book)
SURREALQT_REGISTER_MODEL(Wrote)
SURREALQT_REGISTER_MODEL(Member)
} // namespace OrmTest
