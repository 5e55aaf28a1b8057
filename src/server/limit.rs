//! Per-address rate limits on form posts, pages and sign-in attempts.

use std::net::{IpAddr, Ipv6Addr};
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::middleware::NoOpMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

type Limiter<C> =
    RateLimiter<IpAddr, DefaultKeyedStateStore<IpAddr>, C, NoOpMiddleware<<C as Clock>::Instant>>;

/// So many requests a minute from each address. An IPv6 address counts as its /64 network:
/// a home or a phone is given a whole /64 and may take any address in it, so a limit on
/// single addresses would limit nobody.
#[derive(Debug)]
pub struct AddressLimiter<C: Clock = DefaultClock> {
    limiter: Limiter<C>,
}

impl AddressLimiter {
    pub fn per_minute(requests: u32) -> AddressLimiter {
        AddressLimiter::with_clock(requests, DefaultClock::default())
    }
}

impl<C: Clock> AddressLimiter<C> {
    fn with_clock(requests: u32, clock: C) -> AddressLimiter<C> {
        let requests = NonZeroU32::new(requests.max(1)).unwrap_or(NonZeroU32::MIN);
        AddressLimiter {
            limiter: RateLimiter::new(
                Quota::per_minute(requests),
                DefaultKeyedStateStore::default(),
                clock,
            ),
        }
    }

    /// Counts a request from `address`; false when it is over the limit.
    pub fn allows(&self, address: IpAddr) -> bool {
        self.limiter.check_key(&counted_as(address)).is_ok()
    }

    /// Forgets the addresses whose allowance is whole again, so the table holds only those
    /// seen lately rather than every address that ever came.
    pub fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }

    /// How many addresses (or IPv6 networks) are remembered.
    pub fn remembered(&self) -> usize {
        self.limiter.len()
    }
}

/// The key an address is counted under: IPv4 as it is (also when written as IPv6), IPv6 as
/// its /64 network.
fn counted_as(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !u128::from(u64::MAX))),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use governor::clock::FakeRelativeClock;

    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_ipv6_network_shares_one_allowance() {
        let limiter = AddressLimiter::with_clock(2, FakeRelativeClock::default());
        assert!(limiter.allows(ip("2001:db8:1:2::1")));
        assert!(limiter.allows(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        assert!(
            !limiter.allows(ip("2001:db8:1:2::3")),
            "a new address in the same /64"
        );
        assert!(
            limiter.allows(ip("2001:db8:1:3::1")),
            "the next /64 is someone else"
        );
    }

    #[test]
    fn ipv4_counts_alike_however_it_is_written() {
        let limiter = AddressLimiter::with_clock(2, FakeRelativeClock::default());
        assert!(limiter.allows(ip("203.0.113.7")));
        assert!(limiter.allows(ip("::ffff:203.0.113.7")));
        assert!(!limiter.allows(ip("203.0.113.7")));
        assert!(
            limiter.allows(ip("203.0.113.8")),
            "each IPv4 address on its own"
        );
    }

    #[test]
    fn addresses_are_forgotten_once_their_allowance_is_whole() {
        let clock = FakeRelativeClock::default();
        let limiter = AddressLimiter::with_clock(60, clock.clone());
        for i in 0..100u8 {
            assert!(limiter.allows(IpAddr::from([198, 51, 100, i])));
        }
        assert!(limiter.allows(ip("203.0.113.7")));
        limiter.forget_idle();
        assert_eq!(
            limiter.remembered(),
            101,
            "each has used part of its allowance"
        );
        // One request a second comes back: after half a minute, all but the one that has
        // just come again are whole.
        clock.advance(Duration::from_secs(30));
        assert!(limiter.allows(ip("203.0.113.7")));
        limiter.forget_idle();
        assert_eq!(limiter.remembered(), 1);
        // A forgotten address starts again with its whole allowance.
        for _ in 0..60 {
            assert!(limiter.allows(ip("198.51.100.1")));
        }
        assert!(!limiter.allows(ip("198.51.100.1")));
    }
}
