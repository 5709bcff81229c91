#pragma once

#include <QByteArrayView>

namespace Glosa {

// A strict check that bytes are one JSON text as RFC 8259 defines it, in one pass and without
// allocating. QJsonDocument::fromJson is lenient (it takes the numbers `1.` and `1.e2`, control
// characters and unknown escapes such as `\q` inside strings, a leading byte-order mark), so a
// client's frame passes here before it is parsed. Beyond the grammar: containers nest at most
// MaxDepth deep, and a `\u` escape of a UTF-16 surrogate must be half of a pair. Bytes from 0x80
// on are taken as the UTF-8 that the transport has checked; outside strings they are refused.
class JsonSyntax
{
public:
    static constexpr int MaxDepth = 64;

    struct Result
    {
        const char *fault = nullptr; // none: valid
        qsizetype offset = 0;        // of the byte where the fault was found
        bool isValid() const { return !fault; }
    };

    static Result check(QByteArrayView text);
};

} // namespace Glosa
