// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>

#include <array>
#include <cstdint>
#include <optional>

namespace ql {

// SHA-256 (FIPS 180-4) for import_log's file hash. On x86-64 processors with the SHA extensions
// (Intel since Goldmont and Ice Lake, AMD since Zen) it runs on them, about ten times faster than
// Qt 6.4's QCryptographicHash (0.7 s of CPU for the 96 MB import benchmark, a tenth of the import);
// elsewhere it is QCryptographicHash. Both give the same digest.
class Sha256 final
{
public:
    enum class Engine { Auto, Portable };
    explicit Sha256(Engine engine = Engine::Auto);

    void addData(QByteArrayView data);
    QByteArray result(); // the 32-byte digest; call once

    // Whether this processor has the SHA extensions (and this build can use them).
    static bool hasHardwareSupport();

private:
    std::optional<QCryptographicHash> m_portable;
    std::array<std::uint32_t, 8> m_state{};
    std::array<unsigned char, 64> m_block{};
    int m_blockLength = 0;
    std::uint64_t m_length = 0; // bytes
};

} // namespace ql
