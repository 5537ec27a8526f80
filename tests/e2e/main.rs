//! End-to-end suite over WebDriver against the release build served by nginx.
//! Run by scripts/test.sh once per engine:
//!   NEWSROOM_URL=http://127.0.0.1:8090 NEWSROOM_FLAKY_URL=http://127.0.0.1:8091 \
//!   NEWSROOM_FIXTURE_URL=http://127.0.0.1:8092 \
//!   WEBDRIVER_URL=http://127.0.0.1:4444 BROWSER=chromium|firefox|webkit \
//!   cargo test --features e2e --test e2e

mod pages;
mod support;

mod accessibility;
mod article;
mod blocks;
mod deploy;
mod extremes;
mod filters;
mod hostile;
mod list;
mod media;
mod network;
mod offline;
mod paging;
mod photos;
mod platform;
mod publish;
mod reading;
mod screenshots;
mod search;
mod site;
mod statement;
mod states;
mod widget;
