#include "chat.h"

#include <algorithm>

namespace Glosa {

void Chat::resolve(bool on, const Author &by, qint64 at)
{
    resolved = on;
    resolvedBy = on ? by : Author{};
    resolvedAt = on && !by.id.isEmpty() ? at : 0;
}

Comment *Chat::findComment(QStringView commentId)
{
    auto it = std::find_if(comments.begin(), comments.end(),
                           [commentId](const Comment &c) { return c.id == commentId; });
    return it == comments.end() ? nullptr : &*it;
}

const Comment *Chat::findComment(QStringView commentId) const
{
    return const_cast<Chat *>(this)->findComment(commentId);
}

} // namespace Glosa
