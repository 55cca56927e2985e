//! A host that is an IP address, in every spelling a browser reads as one:
//! IPv4 as four dotted decimals, but also fewer parts, hex (`0x7f`) and octal
//! (`0177`) parts and one 32-bit number (`2130706433`), as the WHATWG URL
//! standard parses them; IPv6 in brackets, compressed (`::`), with a dotted
//! IPv4 tail, IPv4-mapped (`::ffff:127.0.0.1`) and the other forms that carry
//! an IPv4 address inside. What kind of network each one reaches.

/// What kind of network an IP address reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// This device: loopback, or the unspecified address (`0.0.0.0`, `::`).
    ThisDevice,
    /// A private network: RFC 1918, shared address space, unique local IPv6.
    Private,
    /// Only the local link: `169.254.0.0/16`, `fe80::/10`.
    LinkLocal,
    /// No web site at all: multicast, broadcast, documentation and test ranges.
    Reserved,
    /// A public address.
    Public,
}

/// The host read as an IP address: `Some(Ok(reach))` when it is one,
/// `Some(Err(()))` when it looks like one but no browser would open it
/// (`1.2.3.999`, `[1::2::3]`), `None` when it is a name.
pub fn ip_reach(host: &str) -> Option<Result<Reach, ()>> {
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']')?;
        return Some(parse_ipv6(inner).map(reach_v6).ok_or(()));
    }
    ends_in_a_number(host).then(|| parse_ipv4(host).map(reach_v4).ok_or(()))
}

/// The WHATWG "ends in a number" rule: a host whose last label is digits,
/// or `0x` and hex digits, is an IPv4 address or invalid, never a name.
fn ends_in_a_number(host: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let last = host.rsplit('.').next().unwrap_or(host);
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())) || ipv4_number(last).is_some()
}

/// One part of an IPv4 address: decimal, `0x` hex or `0` octal (empty is 0
/// after a prefix, as browsers read it).
fn ipv4_number(part: &str) -> Option<u64> {
    if part.is_empty() {
        return None;
    }
    let (digits, radix) =
        if let Some(hex) = part.strip_prefix("0x").or_else(|| part.strip_prefix("0X")) {
            (hex, 16)
        } else if part.len() > 1 && part.starts_with('0') {
            (&part[1..], 8)
        } else {
            (part, 10)
        };
    if digits.is_empty() {
        return Some(0);
    }
    if !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    // Leading zeros never overflow; a long number of another kind does.
    let significant = digits.trim_start_matches('0');
    if significant.len() > 20 {
        return None;
    }
    if significant.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(significant, radix).ok()
}

/// An IPv4 address as browsers parse a host (WHATWG URL, "IPv4 parser").
pub fn parse_ipv4(host: &str) -> Option<u32> {
    let host = host.strip_suffix('.').unwrap_or(host);
    let parts: Vec<&str> = host.split('.').collect();
    if parts.is_empty() || parts.len() > 4 {
        return None;
    }
    let numbers = parts
        .iter()
        .map(|p| ipv4_number(p))
        .collect::<Option<Vec<u64>>>()?;
    let (last, init) = numbers.split_last()?;
    if init.iter().any(|&n| n > 255) {
        return None;
    }
    let room = 1u64 << (8 * (5 - numbers.len()));
    if *last >= room {
        return None;
    }
    let high = init
        .iter()
        .enumerate()
        .fold(0u64, |acc, (i, &n)| acc + (n << (8 * (3 - i))));
    u32::try_from(high + last).ok()
}

/// Strict dotted decimal, as the tail of an IPv6 address has it.
fn dotted_quad(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split('.');
    for slot in &mut out {
        let part = parts.next()?;
        let leading_zero = part.len() > 1 && part.starts_with('0');
        if part.is_empty() || part.len() > 3 || leading_zero {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// The 16-bit groups of one side of `::`; a dotted IPv4 tail counts as two.
fn groups(side: &str, tail_allowed: bool) -> Option<Vec<u16>> {
    if side.is_empty() {
        return Some(Vec::new());
    }
    let pieces: Vec<&str> = side.split(':').collect();
    let mut out = Vec::with_capacity(8);
    for (i, piece) in pieces.iter().enumerate() {
        if tail_allowed && i + 1 == pieces.len() && piece.contains('.') {
            let [a, b, c, d] = dotted_quad(piece)?;
            out.push(u16::from_be_bytes([a, b]));
            out.push(u16::from_be_bytes([c, d]));
        } else if (1..=4).contains(&piece.len()) {
            out.push(u16::from_str_radix(piece, 16).ok()?);
        } else {
            return None;
        }
    }
    Some(out)
}

/// An IPv6 address (what is inside the brackets).
pub fn parse_ipv6(s: &str) -> Option<[u16; 8]> {
    if !s
        .chars()
        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    {
        return None;
    }
    let mut out = [0u16; 8];
    match s.split_once("::") {
        None => {
            let all = groups(s, true)?;
            if all.len() != 8 {
                return None;
            }
            out.copy_from_slice(&all);
        }
        Some((head, tail)) => {
            if tail.contains("::") {
                return None;
            }
            let head = groups(head, false)?;
            let tail = groups(tail, true)?;
            if head.len() + tail.len() > 7 {
                return None;
            }
            out[..head.len()].copy_from_slice(&head);
            out[8 - tail.len()..].copy_from_slice(&tail);
        }
    }
    Some(out)
}

fn reach_v4(ip: u32) -> Reach {
    let [a, b, c, _] = ip.to_be_bytes();
    match (a, b, c) {
        (0, _, _) | (127, _, _) => Reach::ThisDevice,
        (10, _, _) | (192, 168, _) => Reach::Private,
        (172, 16..=31, _) | (100, 64..=127, _) => Reach::Private,
        (169, 254, _) => Reach::LinkLocal,
        (224..=255, _, _) => Reach::Reserved,
        (192, 0, 0) | (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => Reach::Reserved,
        (198, 18..=19, _) => Reach::Reserved,
        _ => Reach::Public,
    }
}

fn reach_v6(g: [u16; 8]) -> Reach {
    let embedded_v4 = || (u32::from(g[6]) << 16) | u32::from(g[7]);
    match g {
        [0, 0, 0, 0, 0, 0, 0, 0 | 1] => Reach::ThisDevice,
        // IPv4-compatible, IPv4-mapped, IPv4-translated and NAT64: the IPv4 address inside.
        [0, 0, 0, 0, 0, 0, _, _]
        | [0, 0, 0, 0, 0, 0xffff, _, _]
        | [0, 0, 0, 0, 0xffff, 0, _, _]
        | [0x64, 0xff9b, 0, 0, 0, 0, _, _] => reach_v4(embedded_v4()),
        // 6to4: the IPv4 address in bits 16 to 48.
        [0x2002, hi, lo, ..] => reach_v4((u32::from(hi) << 16) | u32::from(lo)),
        [first, ..] if first & 0xffc0 == 0xfe80 => Reach::LinkLocal,
        [first, ..] if first & 0xfe00 == 0xfc00 || first & 0xffc0 == 0xfec0 => Reach::Private,
        [first, ..] if first & 0xff00 == 0xff00 => Reach::Reserved,
        [0x2001, 0x0db8, ..] | [0x0100, 0, 0, 0, ..] => Reach::Reserved,
        _ => Reach::Public,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reach(host: &str) -> Option<Result<Reach, ()>> {
        ip_reach(host)
    }

    #[test]
    fn ipv4_in_every_spelling() {
        for loopback in [
            "127.0.0.1",
            "127.1",
            "127.0.1",
            "2130706433",
            "0x7f000001",
            "0x7f.1",
            "0177.0.0.1",
            "0177.0.0.01",
            "017700000001",
            "127.0.0.1.",
            "0",
            "0.0.0.0",
            "0x",
        ] {
            assert_eq!(reach(loopback), Some(Ok(Reach::ThisDevice)), "{loopback}");
        }
        assert_eq!(parse_ipv4("0xC0.0250.1.1"), parse_ipv4("192.168.1.1"));
        for private in [
            "192.168.1.1",
            "10.0.0.5",
            "172.16.0.1",
            "172.31.255.255",
            "3232235777",
            "100.64.0.1",
        ] {
            assert_eq!(reach(private), Some(Ok(Reach::Private)), "{private}");
        }
        assert_eq!(reach("169.254.169.254"), Some(Ok(Reach::LinkLocal)));
        assert_eq!(reach("224.0.0.1"), Some(Ok(Reach::Reserved)));
        assert_eq!(reach("255.255.255.255"), Some(Ok(Reach::Reserved)));
        assert_eq!(reach("203.0.113.7"), Some(Ok(Reach::Reserved)));
        assert_eq!(reach("8.8.8.8"), Some(Ok(Reach::Public)));
        assert_eq!(reach("172.32.0.1"), Some(Ok(Reach::Public)));
        for broken in [
            "1.2.3.256",
            "1.2.3.4.5",
            "08.1.1.1",
            "1.2.3.0x100",
            "99999999999",
            "a.b.1",
        ] {
            assert_eq!(reach(broken), Some(Err(())), "{broken}");
        }
        for name in ["reuters.com", "1.2.3.com", "example", "0xbeef.com", "a1"] {
            assert_eq!(reach(name), None, "{name}");
        }
    }

    #[test]
    fn ipv6_in_brackets() {
        for this in [
            "[::1]",
            "[::]",
            "[0:0:0:0:0:0:0:1]",
            "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]",
            "[::127.0.0.1]",
            "[64:ff9b::7f00:1]",
            "[2002:7f00:1::]",
        ] {
            assert_eq!(reach(this), Some(Ok(Reach::ThisDevice)), "{this}");
        }
        assert_eq!(reach("[::ffff:192.168.1.1]"), Some(Ok(Reach::Private)));
        assert_eq!(reach("[fd00::1]"), Some(Ok(Reach::Private)));
        assert_eq!(reach("[fec0::1]"), Some(Ok(Reach::Private)));
        assert_eq!(reach("[fe80::1]"), Some(Ok(Reach::LinkLocal)));
        assert_eq!(
            reach("[::ffff:169.254.169.254]"),
            Some(Ok(Reach::LinkLocal))
        );
        assert_eq!(reach("[ff02::1]"), Some(Ok(Reach::Reserved)));
        assert_eq!(reach("[2001:db8::1]"), Some(Ok(Reach::Reserved)));
        assert_eq!(reach("[2606:4700::1111]"), Some(Ok(Reach::Public)));
        for broken in [
            "[1::2::3]",
            "[12345::]",
            "[::1",
            "[1:2:3:4:5:6:7:8:9]",
            "[::ffff:1.2.3]",
            "[::01.2.3.4]",
            "[g::1]",
            "[]",
        ] {
            assert!(matches!(reach(broken), Some(Err(())) | None), "{broken}");
        }
        assert_eq!(reach("[1::2::3]"), Some(Err(())));
    }
}
