# Exports the benchmark's public series (R's own datasets) as training CSVs for `logistics forecast`, and
# forecasts the same training parts with R's forecast::ets and seasonal naive as references.
#   Rscript series.R OUT_DIR [test|validation|validationK] [datasets|econ]
# "validation" first drops each series' last h periods (its test part), so that design choices can be tried on
# the h periods before them without ever looking at the test part; "validationK" (K = 2, 3, ...) drops K·h periods,
# so that a choice can be checked on several earlier splits instead of one; "test" (the default) is the reported split.
# Writes OUT_DIR/train/<name>.csv (series,date,quantity), OUT_DIR/test.csv (name,group,step,date,actual) and
# OUT_DIR/reference.csv (name,step,ets,snaive,scale), scale being the MASE denominator (the training part's
# in-sample seasonal naive mean absolute error).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
split <- if (length(args) >= 2) args[2] else "test"
set <- if (length(args) >= 3) args[3] else "datasets"
stopifnot(grepl("^(test|validation[0-9]*)$", split), set %in% c("datasets", "econ"))
depth <- if (split == "test") 0 else if (split == "validation") 1 else as.integer(sub("validation", "", split))
dir.create(file.path(out, "train"), recursive = TRUE, showWarnings = FALSE)

# The list is fixed before any result is seen: every monthly and quarterly positive series of R's datasets
# and forecast's that is commonly used in forecasting texts, and weekly and daily ones made from the only
# daily data sets there are (a week is five trading days for the markets).
ts_dates <- function(x, period) {
  year <- floor(time(x) + 1e-6)
  step <- cycle(x)
  month <- if (period == "month") step else (step - 1) * 3 + 1
  as.Date(sprintf("%d-%02d-01", year, month))
}
weekly <- function(values, first_monday) {
  groups <- floor(seq_along(values) - 1) %/% 5
  v <- tapply(values, groups, function(x) mean(x, na.rm = TRUE))
  v <- v[seq_len(length(v) - (length(values) %% 5 != 0))]
  list(values = as.numeric(v), dates = as.Date(first_monday) + 7 * (seq_along(v) - 1))
}
interpolate <- function(x) approx(seq_along(x), x, seq_along(x), rule = 2)$y

series <- list()
add <- function(name, group, m, h, values, dates) {
  values <- as.numeric(values)
  if (depth > 0) {
    values <- values[1:(length(values) - depth * h)]
    dates <- dates[1:(length(dates) - depth * h)]
  }
  series[[name]] <<- list(name = name, group = group, m = m, h = h, values = values, dates = dates)
}
# The second set, "econ", was added after the first set's results were known, to score on more series than its 24
# (4 of them quarterly): every column of every monthly, quarterly, weekly and daily (calendar days) ts of the
# AER and tseries packages that is positive throughout and has no missing value, the rule fixed before any of
# them was forecast by anyone on this project. Most are economic (prices, rates, output, money; many without a
# season); the daily ones are two rivers' flows. Horizons and seasons as in the first set.
econ_series <- function() {
  suppressPackageStartupMessages({ library(AER); library(tseries) })
  groups <- c("4" = "quarterly", "12" = "monthly", "52" = "weekly", "365" = "daily")
  for (pkg in c("AER", "tseries")) for (d in data(package = pkg)$results[, "Item"]) {
    e <- new.env()
    suppressWarnings(try(data(list = d, package = pkg, envir = e), silent = TRUE))
    if (!exists(d, envir = e)) next
    x <- get(d, envir = e)
    if (!inherits(x, "ts") || !(as.character(frequency(x)) %in% names(groups))) next
    group <- groups[[as.character(frequency(x))]]
    values <- as.matrix(x)
    columns <- sub("_$", "", gsub("[^A-Za-z0-9]+", "_", if (is.null(colnames(values))) d else paste0(d, "_", colnames(values))))
    n <- nrow(values)
    first <- as.Date(sprintf("%d-01-01", floor(start(x)[1] + 1e-6)))
    dates <- switch(group,
      monthly = ts_dates(x, "month"), quarterly = ts_dates(x, "quarter"),
      weekly = seq(first + (8 - as.integer(format(first, "%u"))) %% 7, by = 7, length.out = n),
      daily = first + (seq_len(n) - 1))
    stopifnot(!anyDuplicated(dates), !is.unsorted(dates))
    for (j in seq_len(ncol(values))) {
      v <- values[, j]
      if (anyNA(v) || min(v) <= 0) next
      switch(group,
        monthly = add(columns[j], group, 12, 12, v, dates), quarterly = add(columns[j], group, 4, 8, v, dates),
        weekly = add(columns[j], group, 52, 13, v, dates), daily = add(columns[j], group, 7, 14, v, dates))
    }
  }
}

if (set == "econ") econ_series() else {
  for (name in c("AirPassengers", "USAccDeaths", "co2", "nottem", "ldeaths", "mdeaths", "fdeaths", "UKDriverDeaths")) {
    x <- get(name, envir = asNamespace("datasets"))
    add(name, "monthly", 12, 12, x, ts_dates(x, "month"))
  }
  for (name in c("wineind", "gas")) {
    x <- get(name, envir = asNamespace("forecast"))
    add(name, "monthly", 12, 12, x, ts_dates(x, "month"))
  }
  for (name in c("UKgas", "austres", "JohnsonJohnson")) {
    x <- get(name, envir = asNamespace("datasets"))
    add(name, "quarterly", 4, 8, x, ts_dates(x, "quarter"))
  }
  x <- forecast::woolyrnq
  add("woolyrnq", "quarterly", 4, 8, x, ts_dates(x, "quarter"))

  g <- weekly(as.numeric(forecast::gold), "1985-01-07")
  add("gold_weekly", "weekly", 52, 13, g$values, g$dates)
  for (index in colnames(EuStockMarkets)) {
    w <- weekly(as.numeric(EuStockMarkets[, index]), "1991-07-01")
    add(paste0(index, "_weekly"), "weekly", 52, 13, w$values, w$dates)
  }

  aq_dates <- as.Date("1973-05-01") + 0:152
  for (column in c("Ozone", "Solar.R", "Wind", "Temp")) {
    add(paste0("airquality_", sub(".", "", column, fixed = TRUE)), "daily", 7, 14, interpolate(airquality[[column]]), aq_dates)
  }
  taylor_daily <- colSums(matrix(as.numeric(forecast::taylor), nrow = 48))
  add("taylor_daily", "daily", 7, 14, taylor_daily, as.Date("2000-06-05") + seq_along(taylor_daily) - 1)
}

test_rows <- list()
reference_rows <- list()
for (s in series) {
  n <- length(s$values)
  train <- s$values[1:(n - s$h)]
  test <- s$values[(n - s$h + 1):n]
  write.csv(data.frame(series = s$name, date = format(s$dates[1:(n - s$h)]), quantity = train),
            file.path(out, "train", paste0(s$name, ".csv")), row.names = FALSE, quote = FALSE)
  y <- ts(train, frequency = s$m)
  fit <- suppressWarnings(ets(y))
  ets_forecast <- as.numeric(forecast(fit, h = s$h)$mean)
  snaive_forecast <- as.numeric(snaive(y, h = s$h)$mean)
  scale <- mean(abs(diff(train, lag = s$m)))
  test_rows[[s$name]] <- data.frame(name = s$name, group = s$group, step = seq_len(s$h),
                                    date = format(s$dates[(n - s$h + 1):n]), actual = test)
  reference_rows[[s$name]] <- data.frame(name = s$name, step = seq_len(s$h), ets = ets_forecast,
                                         snaive = snaive_forecast, scale = scale, ets_model = fit$method)
}
write.csv(do.call(rbind, test_rows), file.path(out, "test.csv"), row.names = FALSE)
write.csv(do.call(rbind, reference_rows), file.path(out, "reference.csv"), row.names = FALSE)
cat(sprintf("%d series exported to %s (%s split)\n", length(series), out, split))
