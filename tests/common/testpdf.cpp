#include "testpdf.h"

#include <QBuffer>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Glosa {

namespace {

template<typename Draw>
QByteArray write(int count, Draw draw)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins({});
    QPainter painter(&writer);
    QFont font(u"DejaVu Sans"_s);
    font.setPointSize(12);
    painter.setFont(font);
    for (int sheet = 0; sheet < count; ++sheet) {
        if (sheet > 0)
            writer.newPage();
        draw(painter, sheet);
    }
    painter.end();
    return buffer.data();
}

} // namespace

QByteArray TestPdf::make(const QList<QStringList> &sheets)
{
    return write(int(sheets.size()), [&](QPainter &painter, int sheet) {
        for (int line = 0; line < sheets.at(sheet).size(); ++line)
            painter.drawText(Left, Top + line * LineHeight, sheets.at(sheet).at(line));
    });
}

QString TestPdf::numberedLine(int sheet, int line)
{
    return u"Sheet %1, line %2: the quick brown fox jumps over the lazy dog."_s.arg(sheet + 1).arg(
        line + 1);
}

QByteArray TestPdf::numbered(int count, int linesPerSheet)
{
    return write(count, [&](QPainter &painter, int sheet) {
        for (int line = 0; line < linesPerSheet; ++line)
            painter.drawText(Left, Top + line * LineHeight, numberedLine(sheet, line));
    });
}

QByteArray TestPdf::scan(int count)
{
    return write(count, [](QPainter &painter, int sheet) {
        QImage picture(400, 300, QImage::Format_RGB32);
        picture.fill(QColor::fromHsv(sheet * 40 % 360, 80, 230));
        QPainter onPicture(&picture);
        onPicture.fillRect(40, 40, 320, 12, Qt::black);
        onPicture.fillRect(40, 70, 280, 12, Qt::black);
        onPicture.end();
        painter.drawImage(QRect(Left, Top, 400, 300), picture);
    });
}

QByteArray TestPdf::encrypted(const QByteArray &pdf, const QString &password)
{
    QTemporaryDir dir;
    QFile plain(dir.filePath(u"plain.pdf"_s));
    if (!plain.open(QIODevice::WriteOnly) || plain.write(pdf) != pdf.size())
        qFatal("cannot write %s", qPrintable(plain.fileName()));
    plain.close();
    const QString out = dir.filePath(u"encrypted.pdf"_s);
    QProcess qpdf;
    qpdf.start(u"qpdf"_s, {u"--encrypt"_s, password, password + u"-owner"_s, u"256"_s, u"--"_s,
                           plain.fileName(), out});
    if (!qpdf.waitForFinished(30000) || qpdf.exitCode() != 0)
        qFatal("qpdf failed: %s", qpdf.readAllStandardError().constData());
    QFile result(out);
    result.open(QIODevice::ReadOnly);
    return result.readAll();
}

} // namespace Glosa
