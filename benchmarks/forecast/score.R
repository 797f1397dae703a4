# Scores our forecasts against the held-out test parts, next to R's ets and seasonal naive.
#   Rscript score.R OUT_DIR    (after series.R and `logistics forecast` wrote OUT_DIR/ours/<name>.csv)
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
test <- read.csv(file.path(out, "test.csv"))
reference <- read.csv(file.path(out, "reference.csv"))
rows <- list()
for (name in unique(test$name)) {
  t <- test[test$name == name, ]
  r <- reference[reference$name == name, ]
  ours <- read.csv(file.path(out, "ours", paste0(name, ".csv")))
  ours <- ours[ours$series == name, ]
  stopifnot(nrow(ours) == nrow(t), all(ours$date == t$date))
  mase <- function(f) mean(abs(t$actual - f)) / r$scale[1]
  rows[[name]] <- data.frame(
    series = name, group = t$group[1], ours = mase(ours$forecast), ets = mase(r$ets), snaive = mase(r$snaive),
    method = ours$method[1], r_model = r$ets_model[1],
    in80 = mean(t$actual >= ours$lower80 & t$actual <= ours$upper80),
    in95 = mean(t$actual >= ours$lower95 & t$actual <= ours$upper95))
}
scores <- do.call(rbind, rows)
options(width = 200)
print(format(scores, digits = 3), row.names = FALSE)
cat("\nmean MASE by frequency (lower is better)\n")
groups <- c("monthly", "quarterly", "weekly", "daily")
summary <- do.call(rbind, lapply(c(groups, "overall"), function(g) {
  s <- if (g == "overall") scores else scores[scores$group == g, ]
  # A training part shorter than a season and one period has no MASE scale (in-sample seasonal naive): not scored.
  s <- s[is.finite(s$ours) & is.finite(s$ets) & is.finite(s$snaive), ]
  data.frame(group = g, series = nrow(s), ours = mean(s$ours), r_ets = mean(s$ets), snaive = mean(s$snaive),
             coverage80 = mean(s$in80), coverage95 = mean(s$in95))
}))
print(format(summary, digits = 3), row.names = FALSE)
write.csv(scores, file.path(out, "scores.csv"), row.names = FALSE)
write.csv(summary, file.path(out, "summary.csv"), row.names = FALSE)
