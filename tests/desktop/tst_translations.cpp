#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// Every string of the user interface is translated. The committed Qt Linguist files are first
// brought up to date with the sources (lupdate, into a copy), so a new string that nobody has
// translated fails as an unfinished or empty entry does.
class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("Spanish") << u"glosa_es.ts"_s;
        QTest::newRow("English") << u"glosa_en.ts"_s;
    }

    void complete()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        const QString copy = dir.filePath(file);
        QVERIFY(QFile::copy(
            QDir(QStringLiteral(GLOSA_SOURCE_DIR)).filePath(u"translations/"_s + file), copy));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(GLOSA_SOURCE_DIR));
        lupdate.start(QStringLiteral(GLOSA_LUPDATE),
                      {u"-no-obsolete"_s, u"-silent"_s, u"app/desktop"_s, u"lib/sync"_s,
                       u"lib/document"_s, u"-ts"_s, copy});
        QVERIFY(lupdate.waitForFinished(60000));
        QCOMPARE(lupdate.exitCode(), 0);
        QFile ts(copy);
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        const bool english = file == "glosa_en.ts"_L1;
        int messages = 0;
        QStringList missing;
        QString source;
        bool numerus = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == "message"_L1) {
                ++messages;
                numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            } else if (xml.name() == "source"_L1) {
                source = xml.readElementText();
            } else if (xml.name() == "translation"_L1) {
                const bool unfinished = xml.attributes().value("type"_L1) == "unfinished"_L1;
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                // English is the source language: only plural forms need an entry there.
                if ((english && !numerus))
                    continue;
                if (unfinished || text.trimmed().isEmpty())
                    missing.append(source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 50);
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(u"%1 untranslated: %2"_s.arg(missing.size()).arg(missing.join(u" | "_s))));
    }
};

QTEST_APPLESS_MAIN(tst_Translations)
#include "tst_translations.moc"
