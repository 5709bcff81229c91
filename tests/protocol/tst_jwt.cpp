#include "jwt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Glosa;

namespace {

constexpr qint64 Now = 1700000000;
const QByteArray Secret = "s3cret-of-acme"_ba;
const QByteArray StandardHeader = R"({"alg":"HS256","typ":"JWT"})"_ba;

// The helpers below build tokens without Jwt, so that the tests do not trust Jwt::sign.

// base64url without padding, from the standard alphabet by hand (RFC 4648 §5, RFC 7515 §2).
QByteArray base64Url(const QByteArray &bytes)
{
    QByteArray s = bytes.toBase64();
    s.replace('+', '-').replace('/', '_');
    while (s.endsWith('='))
        s.chop(1);
    return s;
}

QByteArray fromBase64Url(QByteArray s)
{
    s.replace('-', '+').replace('_', '/');
    while (s.size() % 4)
        s.append('=');
    return QByteArray::fromBase64(s);
}

QByteArray mac(QCryptographicHash::Algorithm algorithm, const QByteArray &data,
               const QByteArray &key)
{
    QMessageAuthenticationCode code(algorithm, key);
    code.addData(data);
    return code.result();
}

// A token of already encoded header and payload, signed with HMAC-SHA256 over both.
QByteArray signEncoded(const QByteArray &header64, const QByteArray &payload64,
                       const QByteArray &key = Secret)
{
    const QByteArray input = header64 + '.' + payload64;
    return input + '.' + base64Url(mac(QCryptographicHash::Sha256, input, key));
}

QByteArray handToken(const QByteArray &headerJson, const QByteArray &payloadJson,
                     const QByteArray &key = Secret)
{
    return signEncoded(base64Url(headerJson), base64Url(payloadJson), key);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject claims(qint64 exp = Now + 3600)
{
    return {{"tid"_L1, "acme"_L1},
            {"sub"_L1, "u1"_L1},
            {"name"_L1, "Ana"_L1},
            {"role"_L1, "member"_L1},
            {"exp"_L1, exp}};
}

QJsonObject withClaim(QJsonObject o, QLatin1StringView key, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return o;
}

// A part whose last character also sets bits that its decoding drops: another spelling of the
// same bytes. `part` must be canonical and its length not a multiple of 4.
QByteArray nonCanonical(QByteArray part)
{
    static const QByteArray alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_ba;
    const qsizetype index = alphabet.indexOf(part.back());
    part.back() = alphabet.at(index + 1);
    return part;
}

QList<QByteArray> split(const QByteArray &token)
{
    return token.split('.');
}

QByteArray join(const QList<QByteArray> &parts)
{
    return parts.join('.');
}

// base64 in the standard alphabet ('+', '/'), unpadded.
QByteArray standardBase64(const QByteArray &bytes)
{
    QByteArray s = bytes.toBase64();
    while (s.endsWith('='))
        s.chop(1);
    return s;
}

// The parts that the base64 tests spell wrongly.
struct Fixture
{
    QByteArray header;    // JSON whose standard encoding holds '+' or '/', and needs padding
    QByteArray header64;  // its canonical base64url
    QByteArray aligned64; // a header whose encoding needs no padding
    QByteArray payload;   // JSON whose standard encoding holds '+' or '/', and needs padding
    QByteArray payload64;
    QByteArray signature; // the HMAC of header64.payload64
};

Fixture fixture()
{
    Fixture f;
    f.header = R"({"alg":"HS256","kid":"?>?>>"})"_ba;
    f.header64 = base64Url(f.header);
    f.aligned64 = base64Url(StandardHeader);
    // Grow the name until the payload's encoding is unaligned and uses both special characters.
    QString name = u"?>"_s;
    for (;;) {
        f.payload = compact(withClaim(claims(), "name"_L1, name));
        const QByteArray std64 = standardBase64(f.payload);
        if (std64.size() % 4 != 0 && std64.contains('+') && std64.contains('/'))
            break;
        name += u'>';
    }
    f.payload64 = base64Url(f.payload);
    f.signature = mac(QCryptographicHash::Sha256, f.header64 + '.' + f.payload64, Secret);
    return f;
}

} // namespace

class tst_Jwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void signProducesCompactHs256();
    void verifiesIndependentToken();
    void verifiesRfc7515Example();
    void refusesWrongSecret();
    void refusesTampering_data();
    void refusesTampering();
    void refusesAlgorithm_data();
    void refusesAlgorithm();
    void expiry_data();
    void expiry();
    void badBase64Fixture();
    void refusesBadBase64_data();
    void refusesBadBase64();
    void refusesBadStructure_data();
    void refusesBadStructure();

private:
    static void verifyRefused(const QByteArray &token, const QByteArray &secret = Secret);
};

void tst_Jwt::verifyRefused(const QByteArray &token, const QByteArray &secret)
{
    QString error;
    const std::optional<QJsonObject> result = Jwt::verify(token, secret, Now, &error);
    QVERIFY2(!result, token.constData());
    QVERIFY(!error.isEmpty());
}

void tst_Jwt::roundTrip()
{
    QJsonObject c = claims();
    c.insert("custom"_L1, QJsonObject{{"nested"_L1, QJsonArray{1, u"\u00e9\U0001F600"_s}}});
    const QByteArray token = Jwt::sign(c, Secret);
    QString error;
    const std::optional<QJsonObject> verified = Jwt::verify(token, Secret, Now, &error);
    QVERIFY2(verified, qPrintable(error));
    QCOMPARE(*verified, c);
}

// What Jwt::sign produces, checked by hand: three base64url parts, an HS256 header, the claims,
// and an HMAC-SHA256 over the first two parts.
void tst_Jwt::signProducesCompactHs256()
{
    const QJsonObject c = claims();
    const QByteArray token = Jwt::sign(c, Secret);
    for (char ch : token) {
        const bool urlSafe = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                             (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
        QVERIFY2(urlSafe, token.constData());
    }
    const QList<QByteArray> parts = split(token);
    QCOMPARE(parts.size(), 3);

    QJsonParseError parseError;
    const QJsonDocument header = QJsonDocument::fromJson(fromBase64Url(parts[0]), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(header.object().value("alg"_L1).toString(), u"HS256"_s);
    const QJsonDocument payload = QJsonDocument::fromJson(fromBase64Url(parts[1]), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(payload.object(), c);

    const QByteArray expected = mac(QCryptographicHash::Sha256, parts[0] + '.' + parts[1], Secret);
    QCOMPARE(fromBase64Url(parts[2]), expected);
    QCOMPARE(parts[2], base64Url(expected));
}

void tst_Jwt::verifiesIndependentToken()
{
    const QJsonObject c = claims();
    const QByteArray token = handToken(StandardHeader, compact(c));
    QString error;
    const std::optional<QJsonObject> verified = Jwt::verify(token, Secret, Now, &error);
    QVERIFY2(verified, qPrintable(error));
    QCOMPARE(*verified, c);

    // Header fields other than alg do not matter, nor does the JSON layout.
    const QByteArray spaced =
        handToken("{ \"typ\" : \"JWT\",\r\n \"alg\" : \"HS256\", \"kid\":\"k1\" }"_ba,
                  "{\n  \"sub\": \"u1\",\n  \"exp\": 1700003600\n}"_ba);
    error.clear();
    const std::optional<QJsonObject> verifiedSpaced = Jwt::verify(spaced, Secret, Now, &error);
    QVERIFY2(verifiedSpaced, qPrintable(error));
    QCOMPARE(verifiedSpaced->value("sub"_L1).toString(), u"u1"_s);
    QCOMPARE(verifiedSpaced->value("exp"_L1).toInteger(), 1700003600);
}

// The HS256 example of RFC 7515, appendix A.1, with its own key and non-compact JSON.
void tst_Jwt::verifiesRfc7515Example()
{
    const QByteArray key =
        fromBase64Url("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3"
                      "Yj0iPS4hcgUuTwjAzZr1Z9CAow"_ba);
    const QByteArray token = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
                             ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
                             "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
                             ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_ba;
    QString error;
    const std::optional<QJsonObject> verified = Jwt::verify(token, key, 1300819379, &error);
    QVERIFY2(verified, qPrintable(error));
    QCOMPARE(verified->value("iss"_L1).toString(), u"joe"_s);
    QCOMPARE(verified->value("http://example.com/is_root"_L1).toBool(), true);

    // The same token one second after its exp.
    error.clear();
    QVERIFY(!Jwt::verify(token, key, 1300819381, &error));
    QVERIFY(!error.isEmpty());
}

void tst_Jwt::refusesWrongSecret()
{
    const QByteArray token = Jwt::sign(claims(), Secret);
    verifyRefused(token, "another secret"_ba);
    verifyRefused(token, Secret + 'x');
    verifyRefused(token, Secret.chopped(1));
    verifyRefused(token, QByteArray());
    verifyRefused(handToken(StandardHeader, compact(claims()), "another secret"_ba));
}

void tst_Jwt::refusesTampering_data()
{
    QTest::addColumn<QByteArray>("token");

    const QByteArray token = Jwt::sign(claims(), Secret);
    const QList<QByteArray> parts = split(token);

    const QByteArray moderator = base64Url(compact(withClaim(claims(), "role"_L1, "moderator"_L1)));
    QTest::newRow("payload replaced") << join({parts[0], moderator, parts[2]});
    const QByteArray otherTenant = base64Url(compact(withClaim(claims(), "tid"_L1, "evil"_L1)));
    QTest::newRow("tenant replaced") << join({parts[0], otherTenant, parts[2]});
    const QByteArray later = base64Url(compact(withClaim(claims(), "exp"_L1, Now + 999999)));
    QTest::newRow("exp extended") << join({parts[0], later, parts[2]});
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT","kid":"x"})"_ba);
    QTest::newRow("header replaced") << join({header, parts[1], parts[2]});

    QByteArray flipped = parts[2];
    flipped[5] = flipped[5] == 'A' ? 'B' : 'A';
    QTest::newRow("signature char changed") << join({parts[0], parts[1], flipped});
    QTest::newRow("signature truncated") << join({parts[0], parts[1], parts[2].chopped(1)});
    QTest::newRow("signature empty") << join({parts[0], parts[1], QByteArray()});
    QTest::newRow("signature of other token")
        << join({parts[0], parts[1], split(Jwt::sign(claims(Now + 60), Secret))[2]});
}

void tst_Jwt::refusesTampering()
{
    QFETCH(QByteArray, token);
    verifyRefused(token);
}

// Only HS256 is accepted, whatever the token carries as a valid signature for its own algorithm.
void tst_Jwt::refusesAlgorithm_data()
{
    QTest::addColumn<QByteArray>("token");

    const QByteArray payload64 = base64Url(compact(claims()));
    const QByteArray none64 = base64Url(R"({"alg":"none","typ":"JWT"})"_ba);
    QTest::newRow("none, no signature") << QByteArray(none64 + '.' + payload64 + '.');
    QTest::newRow("none, HS256 signature") << signEncoded(none64, payload64);

    const QByteArray hs512 = base64Url(R"({"alg":"HS512","typ":"JWT"})"_ba);
    const QByteArray input512 = hs512 + '.' + payload64;
    QTest::newRow("HS512, HS512 signature") << QByteArray(
        input512 + '.' + base64Url(mac(QCryptographicHash::Sha512, input512, Secret)));
    QTest::newRow("HS512, HS256 signature") << signEncoded(hs512, payload64);

    QTest::newRow("hs256 lowercase") << handToken(R"({"alg":"hs256"})"_ba, compact(claims()));
    QTest::newRow("RS256") << handToken(R"({"alg":"RS256","typ":"JWT"})"_ba, compact(claims()));
    QTest::newRow("alg missing") << handToken(R"({"typ":"JWT"})"_ba, compact(claims()));
    QTest::newRow("alg not a string") << handToken(R"({"alg":256})"_ba, compact(claims()));
    QTest::newRow("alg null") << handToken(R"({"alg":null})"_ba, compact(claims()));
}

void tst_Jwt::refusesAlgorithm()
{
    QFETCH(QByteArray, token);
    verifyRefused(token);
}

void tst_Jwt::expiry_data()
{
    QTest::addColumn<QJsonValue>("exp");
    QTest::addColumn<bool>("valid");

    QTest::newRow("in an hour") << QJsonValue(Now + 3600) << true;
    QTest::newRow("in a second") << QJsonValue(Now + 1) << true;
    QTest::newRow("now") << QJsonValue(Now) << false;
    QTest::newRow("a second ago") << QJsonValue(Now - 1) << false;
    QTest::newRow("zero") << QJsonValue(0) << false;
    QTest::newRow("negative") << QJsonValue(-1) << false;
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << false;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("numeric string") << QJsonValue(QString::number(Now + 3600)) << false;
    QTest::newRow("bool") << QJsonValue(true) << false;
    QTest::newRow("object") << QJsonValue(QJsonObject{{"s"_L1, Now + 3600}}) << false;
    QTest::newRow("array") << QJsonValue(QJsonArray{Now + 3600}) << false;
}

void tst_Jwt::expiry()
{
    QFETCH(QJsonValue, exp);
    QFETCH(bool, valid);

    const QJsonObject c = withClaim(claims(), "exp"_L1, exp);
    for (const QByteArray &token : {Jwt::sign(c, Secret), handToken(StandardHeader, compact(c))}) {
        QString error;
        const std::optional<QJsonObject> verified = Jwt::verify(token, Secret, Now, &error);
        QCOMPARE(bool(verified), valid);
        QCOMPARE(error.isEmpty(), valid);
        if (verified)
            QCOMPARE(*verified, c);
        // exp is required and numeric whatever the time: not read as 0, nor as "never".
        if (!exp.isDouble()) {
            error.clear();
            QVERIFY(!Jwt::verify(token, Secret, std::numeric_limits<qint64>::min(), &error));
            QVERIFY(!error.isEmpty());
        }
    }
}

// Each part must be canonical base64url without padding. The header and payload variants are
// signed by hand over their exact text, so the encoding is the only fault.
void tst_Jwt::badBase64Fixture()
{
    const Fixture f = fixture();
    QVERIFY(f.header64.size() % 4 != 0);
    QVERIFY(f.payload64.size() % 4 != 0);
    QVERIFY(f.aligned64.size() % 4 == 0);
    QVERIFY(standardBase64(f.header).contains('+') || standardBase64(f.header).contains('/'));
    QVERIFY(standardBase64(f.payload).contains('+') || standardBase64(f.payload).contains('/'));
    QCOMPARE(base64Url(f.signature).size(), 43);
    // As they are, the parts make a token that is accepted.
    QString error;
    QVERIFY2(Jwt::verify(signEncoded(f.header64, f.payload64), Secret, Now, &error),
             qPrintable(error));
    QVERIFY2(Jwt::verify(signEncoded(f.aligned64, f.payload64), Secret, Now, &error),
             qPrintable(error));
}

void tst_Jwt::refusesBadBase64_data()
{
    QTest::addColumn<QByteArray>("token");

    const Fixture f = fixture();
    const QByteArray &header64 = f.header64;
    const QByteArray &payload64 = f.payload64;

    QTest::newRow("header in standard alphabet")
        << signEncoded(standardBase64(f.header), payload64);
    QTest::newRow("payload in standard alphabet")
        << signEncoded(header64, standardBase64(f.payload));

    QTest::newRow("header padded")
        << signEncoded(f.header.toBase64(QByteArray::Base64UrlEncoding), payload64);
    QTest::newRow("payload padded")
        << signEncoded(header64, f.payload.toBase64(QByteArray::Base64UrlEncoding));

    const auto withStar = [](QByteArray part) { return part.insert(4, '*'); };
    QTest::newRow("header with '*'") << signEncoded(withStar(header64), payload64);
    QTest::newRow("payload with '*'") << signEncoded(header64, withStar(payload64));
    const auto withSpace = [](QByteArray part) { return part.insert(4, ' '); };
    QTest::newRow("header with space") << signEncoded(withSpace(header64), payload64);
    QTest::newRow("payload with space") << signEncoded(header64, withSpace(payload64));

    // A dangling sixth of a byte: a length of 4n + 1.
    QTest::newRow("header 4n+1 long") << signEncoded(QByteArray(f.aligned64 + 'A'), payload64);

    QTest::newRow("header non-canonical") << signEncoded(nonCanonical(header64), payload64);
    QTest::newRow("payload non-canonical") << signEncoded(header64, nonCanonical(payload64));

    QTest::newRow("header empty") << signEncoded(QByteArray(), payload64);
    QTest::newRow("payload empty") << signEncoded(header64, QByteArray());
    QTest::newRow("header not JSON") << signEncoded(base64Url("not json"_ba), payload64);
    QTest::newRow("header a JSON array")
        << signEncoded(base64Url(R"(["alg","HS256"])"_ba), payload64);
    QTest::newRow("payload not JSON") << signEncoded(header64, base64Url("{\"exp\":"_ba));
    QTest::newRow("payload a JSON array") << signEncoded(header64, base64Url("[1700003600]"_ba));

    // The signature: a valid one for the input, spelled differently.
    const QByteArray input = header64 + '.' + payload64;
    const QByteArray signature64 = base64Url(f.signature);
    QTest::newRow("signature padded") << QByteArray(input + '.' + signature64 + '=');
    QTest::newRow("signature non-canonical") << QByteArray(input + '.' + nonCanonical(signature64));
    QTest::newRow("signature with '*'") << QByteArray(input + '.' + withStar(signature64));
    QTest::newRow("signature with space") << QByteArray(input + '.' + withSpace(signature64));
    QTest::newRow("signature hex") << QByteArray(input + '.' + f.signature.toHex());

    // A signature whose standard encoding holds '+' or '/': vary a claim until one does.
    for (int i = 0;; ++i) {
        const QByteArray p64 = base64Url(compact(withClaim(claims(), "jti"_L1, i)));
        const QByteArray in = header64 + '.' + p64;
        const QByteArray std64 = standardBase64(mac(QCryptographicHash::Sha256, in, Secret));
        if (std64.contains('+') || std64.contains('/')) {
            QTest::newRow("signature in standard alphabet") << QByteArray(in + '.' + std64);
            break;
        }
    }
}

void tst_Jwt::refusesBadBase64()
{
    QFETCH(QByteArray, token);
    verifyRefused(token);
}

void tst_Jwt::refusesBadStructure_data()
{
    QTest::addColumn<QByteArray>("token");

    const QByteArray token = Jwt::sign(claims(), Secret);
    const QList<QByteArray> parts = split(token);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one part") << parts[1];
    QTest::newRow("two parts") << join({parts[0], parts[1]});
    QTest::newRow("four parts") << QByteArray(token + '.' + parts[2]);
    QTest::newRow("four parts, empty last") << QByteArray(token + '.');
    QTest::newRow("leading dot") << QByteArray('.' + token);
    QTest::newRow("dots only") << "..."_ba;
    QTest::newRow("two dots") << ".."_ba;
    QTest::newRow("surrounded by spaces") << QByteArray(' ' + token + ' ');
    QTest::newRow("Bearer prefix") << QByteArray("Bearer "_ba + token);
}

void tst_Jwt::refusesBadStructure()
{
    QFETCH(QByteArray, token);
    verifyRefused(token);
}

QTEST_APPLESS_MAIN(tst_Jwt)

#include "tst_jwt.moc"
