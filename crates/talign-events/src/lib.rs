//! Event alignment across Bengali, Persian and Latin-script news.
