#include "pdfview.h"

#include "loadeddocument.h"
#include "sheetarea.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

QToolButton *barButton(QWidget *parent, const QString &name, const QString &icon,
                       const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setAutoRaise(true);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    const QIcon themed = QIcon::fromTheme(icon);
    if (!themed.isNull()) {
        button->setIcon(themed);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    return button;
}

} // namespace

PdfView::PdfView(QWidget *parent)
    : QWidget(parent)
    , m_area(new SheetArea(this))
    , m_sheetNumber(new QSpinBox(this))
    , m_sheetCount(new QLabel(this))
    , m_zoom(new QComboBox(this))
    , m_notice(new QLabel(this))
{
    setObjectName(u"pdfView"_s);
    auto *bar = new QWidget(this);
    bar->setObjectName(u"pdfBar"_s);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    barLayout->setSpacing(6);

    auto *numberLabel = new QLabel(tr("Page"), bar);
    numberLabel->setBuddy(m_sheetNumber);
    m_sheetNumber->setObjectName(u"pageNumber"_s);
    m_sheetNumber->setAccessibleName(tr("Page number"));
    m_sheetNumber->setKeyboardTracking(false);
    m_sheetNumber->setRange(0, 0);
    m_sheetCount->setObjectName(u"pageCount"_s);
    connect(m_sheetNumber, &QSpinBox::valueChanged, this, [this](int number) {
        if (number >= 1)
            m_area->goToSheet(number - 1);
    });

    m_zoomOut = barButton(bar, u"zoomOut"_s, u"zoom-out"_s, u"\u2212"_s, tr("Zoom out"));
    m_zoomIn = barButton(bar, u"zoomIn"_s, u"zoom-in"_s, u"+"_s, tr("Zoom in"));
    m_fitWidth = barButton(bar, u"fitWidth"_s, u"zoom-fit-width"_s, tr("Fit Width"),
                           tr("Fit the width of the pages"));
    m_fitSheet =
        barButton(bar, u"fitSheet"_s, u"zoom-fit-best"_s, tr("Fit Page"), tr("Fit a whole page"));
    m_fitWidth->setCheckable(true);
    m_fitSheet->setCheckable(true);
    connect(m_zoomOut, &QToolButton::clicked, m_area, &SheetArea::zoomOut);
    connect(m_zoomIn, &QToolButton::clicked, m_area, &SheetArea::zoomIn);
    connect(m_fitWidth, &QToolButton::clicked, m_area, &SheetArea::fitWidth);
    connect(m_fitSheet, &QToolButton::clicked, m_area, &SheetArea::fitSheet);
    connect(m_fitWidth, &QToolButton::clicked, this, &PdfView::showZoom);
    connect(m_fitSheet, &QToolButton::clicked, this, &PdfView::showZoom);

    m_zoom->setObjectName(u"zoomLevel"_s);
    m_zoom->setAccessibleName(tr("Zoom"));
    m_zoom->setEditable(true);
    m_zoom->setInsertPolicy(QComboBox::NoInsert);
    m_zoom->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const int percent : {50, 75, 100, 125, 150, 200, 300, 400})
        m_zoom->addItem(tr("%1%").arg(percent), percent / 100.0);
    connect(m_zoom, &QComboBox::activated, this, [this](int index) {
        if (index >= 0 && m_zoom->itemText(index) == m_zoom->currentText())
            m_area->setZoom(m_zoom->itemData(index).toDouble());
    });
    connect(m_zoom->lineEdit(), &QLineEdit::returnPressed, this, &PdfView::applyZoomText);

    barLayout->addWidget(numberLabel);
    barLayout->addWidget(m_sheetNumber);
    barLayout->addWidget(m_sheetCount);
    barLayout->addStretch(1);
    barLayout->addWidget(m_zoomOut);
    barLayout->addWidget(m_zoom);
    barLayout->addWidget(m_zoomIn);
    barLayout->addWidget(m_fitWidth);
    barLayout->addWidget(m_fitSheet);

    m_notice->setObjectName(u"scanNotice"_s);
    m_notice->setText(tr("This PDF has no text: passages cannot be selected. Right-click a page "
                         "to comment on all of it."));
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(12, 6, 12, 6);
    m_notice->setAutoFillBackground(true);
    m_notice->setBackgroundRole(QPalette::ToolTipBase);
    m_notice->setForegroundRole(QPalette::ToolTipText);
    m_notice->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_notice);
    layout->addWidget(m_area, 1);
    setFocusProxy(m_area);

    // The view's commands, for a menu too; their keys work anywhere in the window while the
    // view is shown.
    const auto command = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_actions.append(action);
    };
    command(tr("Zoom &In"),
            {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)},
            [this] { m_area->zoomIn(); });
    command(tr("Zoom Ou&t"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)},
            [this] { m_area->zoomOut(); });
    command(tr("Fit &Width"), {QKeySequence(Qt::CTRL | Qt::Key_0)}, [this] { fitWidth(); });
    command(tr("Fit &Page"), {}, [this] { fitSheet(); });
    // Ctrl+G is the view's own while it has the focus: it is Find Next's too on some desktops.
    command(tr("&Go to Page…"), {}, [this] { editSheetNumber(); });

    connect(m_area, &SheetArea::sheetNumberRequested, this, &PdfView::editSheetNumber);
    // A page typed and Return: back to reading, where the keys scroll.
    connect(m_sheetNumber, &QSpinBox::editingFinished, this, [this] {
        if (m_sheetNumber->hasFocus())
            m_area->setFocus(Qt::OtherFocusReason);
    });
    connect(m_area, &SheetArea::currentSheetChanged, this, &PdfView::showSheet);
    connect(m_area, &SheetArea::currentSheetChanged, this, &PdfView::currentSheetChanged);
    connect(m_area, &SheetArea::zoomChanged, this, &PdfView::showZoom);
    connect(m_area, &SheetArea::commentRequested, this, &PdfView::commentRequested);
    connect(m_area, &SheetArea::chatClicked, this, &PdfView::chatClicked);
    showSheet(0);
    showZoom();
}

void PdfView::setDocument(const LoadedDocument &document, PageSession *session, AnchorIndex *index)
{
    m_area->setDocument(document, session, index);
    const int count = m_area->sheetCount();
    {
        const QSignalBlocker blocker(m_sheetNumber);
        m_sheetNumber->setRange(count > 0 ? 1 : 0, count);
    }
    m_sheetCount->setText(tr("of %1").arg(count));
    m_sheetNumber->setEnabled(count > 1);
    m_notice->setVisible(m_area->isScan() && count > 0);
    showSheet(m_area->currentSheet());
    showZoom();
}

void PdfView::setTextLayer(const PdfText &text)
{
    m_area->setTextLayer(text);
    m_notice->setVisible(m_area->isScan() && m_area->sheetCount() > 0);
}

void PdfView::clearSelection()
{
    m_area->clearSelection();
}

bool PdfView::find(const QString &text, bool backwards)
{
    const QString &in = m_area->text().plainText();
    const int from = backwards ? m_area->selectionStart() : m_area->selectionEnd();
    qsizetype at = -1;
    if (backwards) {
        if (from > 0)
            at = in.lastIndexOf(text, from - 1, Qt::CaseInsensitive);
        if (at < 0)
            at = in.lastIndexOf(text, -1, Qt::CaseInsensitive);
    } else {
        at = in.indexOf(text, qMax(0, from), Qt::CaseInsensitive);
        if (at < 0)
            at = in.indexOf(text, 0, Qt::CaseInsensitive);
    }
    if (at < 0 || text.isEmpty())
        return false;
    m_area->select(int(at), int(at + text.size()));
    return true;
}

void PdfView::editSheetNumber()
{
    m_sheetNumber->setFocus(Qt::ShortcutFocusReason);
    m_sheetNumber->selectAll();
}

void PdfView::showSheet(int sheet)
{
    const QSignalBlocker blocker(m_sheetNumber);
    m_sheetNumber->setValue(sheet + 1);
}

void PdfView::showZoom()
{
    if (!m_zoom->lineEdit()->hasFocus())
        m_zoom->setEditText(tr("%1%").arg(qRound(m_area->zoom() * 100)));
    m_fitWidth->setChecked(m_area->fit() == SheetArea::Fit::Width);
    m_fitSheet->setChecked(m_area->fit() == SheetArea::Fit::Sheet);
    m_zoomOut->setEnabled(m_area->zoom() > SheetArea::MinZoom * 1.001);
    m_zoomIn->setEnabled(m_area->zoom() < SheetArea::MaxZoom / 1.001);
}

void PdfView::applyZoomText()
{
    QString text = m_zoom->currentText();
    text.remove(u'%');
    bool ok = false;
    double percent = locale().toDouble(text.trimmed(), &ok);
    if (!ok)
        percent = text.trimmed().toDouble(&ok);
    if (ok && percent > 0)
        m_area->setZoom(percent / 100);
    m_area->setFocus();
    showZoom();
}

void PdfView::setSelectedChat(const QString &chatId)
{
    m_area->setSelectedChat(chatId);
}

QString PdfView::selectedChat() const
{
    return m_area->selectedChat();
}

void PdfView::revealChat(const QString &chatId)
{
    m_area->revealChat(chatId);
}

std::optional<Anchor> PdfView::selectionAnchor() const
{
    return m_area->selectionAnchor();
}

QString PdfView::selectedText() const
{
    return m_area->selectedText();
}

int PdfView::currentSheet() const
{
    return m_area->currentSheet();
}

int PdfView::sheetCount() const
{
    return m_area->sheetCount();
}

void PdfView::goToSheet(int sheet)
{
    m_area->goToSheet(sheet);
}

qreal PdfView::zoom() const
{
    return m_area->zoom();
}

void PdfView::setZoom(qreal factor)
{
    m_area->setZoom(factor);
}

void PdfView::fitWidth()
{
    m_area->fitWidth();
    showZoom();
}

void PdfView::fitSheet()
{
    m_area->fitSheet();
    showZoom();
}

QList<QRectF> PdfView::highlightRects(const QString &chatId) const
{
    return m_area->highlightRects(chatId);
}

bool PdfView::isChatVisible(const QString &chatId) const
{
    const QRectF screen = m_area->viewport()->rect();
    const QList<QRectF> rects = m_area->highlightRects(chatId);
    return std::any_of(rects.cbegin(), rects.cend(),
                       [&](const QRectF &r) { return r.intersects(screen); });
}

int PdfView::sheetOf(const QString &chatId) const
{
    return m_area->sheetOf(chatId);
}

QPointF PdfView::viewportPoint(int sheet, QPointF point) const
{
    return m_area->viewportPoint(sheet, point);
}

QWidget *PdfView::viewport() const
{
    return m_area->viewport();
}

QToolButton *PdfView::commentButton() const
{
    return m_area->commentButton();
}

QMenu *PdfView::createContextMenu(const QPoint &position)
{
    return m_area->createContextMenu(position);
}

} // namespace Glosa
