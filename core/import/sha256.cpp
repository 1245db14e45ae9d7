// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256.h"

#include <algorithm>
#include <cstring>

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define QL_SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace ql {

namespace {

constexpr std::array<std::uint32_t, 8> Initial{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

#ifdef QL_SHA256_X86
alignas(16) constexpr std::uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// The compression function on the SHA extensions, `blocks` 64-byte blocks. The state is kept as
// the instructions want it (ABEF and CDGH); each group of four rounds also extends the message
// schedule four words ahead (sha256msg1/msg2), as Intel's reference code for the extensions does.
__attribute__((target("sha,sse4.1,ssse3"))) void compress(std::uint32_t *state, const unsigned char *data,
                                                          std::size_t blocks)
{
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(state)), 0xB1);        // CDAB
    __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i *>(state + 4)), 0x1B); // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);                                                        // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);                                                             // CDGH
    for (; blocks > 0; --blocks, data += 64) {
        const __m128i abef = state0;
        const __m128i cdgh = state1;
        __m128i w[4];
#pragma GCC unroll 16
        for (int i = 0; i < 16; ++i) {
            if (i < 4)
                w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 16 * i)), byteSwap);
            __m128i msg = _mm_add_epi32(w[i & 3], _mm_load_si128(reinterpret_cast<const __m128i *>(K + 4 * i)));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            if (i >= 3 && i <= 14) // the next four words of the schedule
                w[(i + 1) & 3] = _mm_sha256msg2_epu32(
                    _mm_add_epi32(w[(i + 1) & 3], _mm_alignr_epi8(w[i & 3], w[(i - 1) & 3], 4)), w[i & 3]);
            msg = _mm_shuffle_epi32(msg, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
            if (i >= 1 && i <= 12)
                w[(i - 1) & 3] = _mm_sha256msg1_epu32(w[(i - 1) & 3], w[i & 3]);
        }
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);       // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);    // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);    // ABEF
    _mm_storeu_si128(reinterpret_cast<__m128i *>(state), state0);
    _mm_storeu_si128(reinterpret_cast<__m128i *>(state + 4), state1);
}
#endif

} // namespace

bool Sha256::hasHardwareSupport()
{
#ifdef QL_SHA256_X86
    static const bool supported = [] {
        unsigned a = 0, b = 0, c = 0, d = 0;
        if (!__get_cpuid(1, &a, &b, &c, &d))
            return false;
        const bool ssse3 = c & (1u << 9);
        const bool sse41 = c & (1u << 19);
        if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
            return false;
        const bool sha = b & (1u << 29);
        return ssse3 && sse41 && sha;
    }();
    return supported;
#else
    return false;
#endif
}

Sha256::Sha256(Engine engine) : m_state(Initial)
{
    if (engine == Engine::Portable || !hasHardwareSupport())
        m_portable.emplace(QCryptographicHash::Sha256);
}

void Sha256::addData(QByteArrayView data)
{
    if (m_portable) {
        m_portable->addData(data);
        return;
    }
#ifdef QL_SHA256_X86
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    std::size_t n = std::size_t(data.size());
    m_length += n;
    if (m_blockLength > 0) {
        const std::size_t take = std::min(n, std::size_t(64 - m_blockLength));
        std::memcpy(m_block.data() + m_blockLength, p, take);
        m_blockLength += int(take);
        p += take;
        n -= take;
        if (m_blockLength < 64)
            return;
        compress(m_state.data(), m_block.data(), 1);
        m_blockLength = 0;
    }
    if (n >= 64) {
        compress(m_state.data(), p, n / 64);
        p += n / 64 * 64;
        n %= 64;
    }
    std::memcpy(m_block.data(), p, n);
    m_blockLength = int(n);
#endif
}

QByteArray Sha256::result()
{
    if (m_portable)
        return m_portable->result();
    QByteArray digest(32, Qt::Uninitialized);
#ifdef QL_SHA256_X86
    // Padding: a 1 bit, zeros up to 56 bytes into a block, then the length in bits, big-endian.
    const std::uint64_t bits = m_length * 8;
    unsigned char tail[128] = {};
    const std::size_t used = std::size_t(m_blockLength);
    std::memcpy(tail, m_block.data(), used);
    tail[used] = 0x80;
    const std::size_t total = used < 56 ? 64 : 128;
    for (int i = 0; i < 8; ++i)
        tail[total - 1 - std::size_t(i)] = static_cast<unsigned char>(bits >> (8 * i));
    compress(m_state.data(), tail, total / 64);
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j)
            digest[4 * i + j] = char(m_state[size_t(i)] >> (24 - 8 * j));
#endif
    return digest;
}

} // namespace ql
