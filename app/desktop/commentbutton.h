#pragma once

#include <QToolButton>

namespace Glosa {

// "Comment": the button that floats by the end of a selection in a view of a document, hidden
// until there is one.
class CommentButton : public QToolButton
{
    Q_OBJECT
public:
    explicit CommentButton(QWidget *parent);
};

} // namespace Glosa
