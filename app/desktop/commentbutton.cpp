#include "commentbutton.h"

using namespace Qt::StringLiterals;

namespace Glosa {

CommentButton::CommentButton(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(u"commentButton"_s);
    setText(tr("Comment"));
    setIcon(QIcon(u":/icons/comment.svg"_s));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setCursor(Qt::PointingHandCursor);
    setAccessibleName(tr("Comment on the selection"));
    setStyleSheet(u"QToolButton { background: palette(base); border: 1px solid palette(mid); "
                  "border-radius: 6px; padding: 3px 8px; }"_s);
    hide();
}

} // namespace Glosa
