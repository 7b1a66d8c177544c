#!/usr/bin/env python3
"""The page kaiji-server serves at /, in headless Chromium driven by Selenium: what a user
sees when searching, ticking a facet, removing its chip, opening a notice and going back.

Run by CTest: server_page_test.py --bin BUILD/bin --corpus corpus --out DIR [--screenshot PNG]
It indexes the corpus into DIR, starts kaiji-server on a free loopback port and stops it
at the end. Every wait is bounded (WAIT seconds)."""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 10


def start_server(bin_dir, db):
    server = subprocess.Popen([os.path.join(bin_dir, "kaiji-server"), "--db", db, "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"listening on (http://127\.0\.0\.1:\d+/)", line)
    if not match:
        server.kill()
        sys.exit("kaiji-server did not start: " + line + server.stderr.read())
    return server, match.group(1)


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--lang=ja", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def count_text(driver):
    return driver.find_element(By.ID, "count").text


def total_of(text):
    """ "1–20 / 28件" → 28 """
    match = re.search(r"/ 約?([\d,]+)", text)
    return int(match.group(1).replace(",", "")) if match else 0


def url_filters(driver):
    return urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query).get("filter", [])


def click(driver, element):
    """Clicks as a user would after scrolling it into view (the header stays on top)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what)


def scenario(driver, base, screenshot):
    wait = WebDriverWait(driver, WAIT)
    driver.get(base + "?q=" + urllib.parse.quote("ランサムウェア"))
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results .card"))
    first_total = total_of(count_text(driver))
    check(first_total > 0 and "件" in count_text(driver), "loading /?q=ランサムウェア shows result cards: " + count_text(driver))
    check(driver.find_elements(By.CSS_SELECTOR, "#results .card mark"), "the query's words are highlighted")
    check(driver.execute_script("return document.documentElement.lang") == "ja", "the page is lang=ja")
    if screenshot:
        driver.save_screenshot(screenshot)

    # The year histogram says which bar is which year, under the bars.
    bars = driver.find_elements(By.CSS_SELECTOR, "#hist-year button")
    ticks = driver.find_elements(By.CSS_SELECTOR, "#hist-year button .tick")
    check(bars and ticks and all(t.is_displayed() and re.fullmatch(r"\d{4}", t.text) for t in ticks),
          "the year histogram labels its bars with their years: " + " ".join(t.text for t in ticks))
    bottom = driver.find_element(By.ID, "hist-year").rect
    check(all(t.rect["y"] >= bottom["y"] + bottom["height"] - 1 for t in ticks), "the year labels stand under the bars")
    check(ticks[0].text == bars[0].get_attribute("data-value"), "the first label is the first bar's year")

    # Tick the sector with fewest notices: the count narrows, the URL says so.
    boxes = driver.find_elements(By.CSS_SELECTOR, "section.facet[data-facet=sector] input[type=checkbox]")
    check(len(boxes) >= 2, "the sector facet lists several sectors with checkboxes")
    box = boxes[-1]
    value = box.get_attribute("data-value")
    click(driver, box)
    wait.until(lambda d: "sector:" + value in url_filters(d))
    wait.until(lambda d: total_of(count_text(d)) < first_total)
    narrowed = total_of(count_text(driver))
    check(0 < narrowed < first_total, f"ticking sector {value} narrows {first_total} to {narrowed}")
    others = driver.find_elements(By.CSS_SELECTOR, "section.facet[data-facet=sector] input[type=checkbox]")
    check(len(others) == len(boxes), "the other sectors are still listed (disjunctive counts)")
    chips = driver.find_elements(By.CSS_SELECTOR, "#chips .chip")
    check(len(chips) == 1 and "業種" in chips[0].text, "the filter shows as a chip: " + (chips[0].text.split()[0] if chips else ""))

    # The chip removes it; back brings it again.
    click(driver, chips[0].find_element(By.TAG_NAME, "button"))
    wait.until(lambda d: not url_filters(d))
    wait.until(lambda d: total_of(count_text(d)) == first_total)
    check(not driver.find_elements(By.CSS_SELECTOR, "#chips .chip"), "removing the chip removes the filter")
    driver.back()
    wait.until(lambda d: "sector:" + value in url_filters(d) and total_of(count_text(d)) == narrowed)
    check(driver.find_element(By.CSS_SELECTOR, f"input[data-facet=sector][data-value={value}]").is_selected(),
          "back restores the filter and its ticked box")

    # Open a notice, then go back to the results.
    title = driver.find_element(By.CSS_SELECTOR, "#results .card h3 a")
    title_text = title.text
    click(driver, title)
    wait.until(lambda d: d.find_element(By.ID, "notice").is_displayed() and d.find_elements(By.CSS_SELECTOR, "#notice pre"))
    check(driver.find_element(By.CSS_SELECTOR, "#notice h2").text == title_text, "the notice view shows the notice")
    check("id=" in driver.current_url, "the open notice is in the URL")
    driver.back()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#results .card") and not d.find_element(By.ID, "notice").is_displayed())
    check(total_of(count_text(driver)) == narrowed, "back returns to the same results")

    # すべて解除 clears the filters; typing a new query searches as you type.
    click(driver, driver.find_element(By.ID, "clear-all"))
    wait.until(lambda d: not url_filters(d) and total_of(count_text(d)) == first_total)
    check(not driver.find_elements(By.CSS_SELECTOR, "#chips .chip"), "すべて解除 removes every filter")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    box = driver.switch_to.active_element
    check(box.get_attribute("id") == "q", "/ focuses the search box")
    box.clear()
    box.send_keys("委託")
    wait.until(lambda d: urllib.parse.parse_qs(urllib.parse.urlparse(d.current_url).query).get("q") == ["委託"])
    wait.until(lambda d: any("委託" in m.text for m in d.find_elements(By.CSS_SELECTOR, "#results .card mark")))
    check(total_of(count_text(driver)) > 0, "typing a query shows its results: " + count_text(driver))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="kaiji-browser-", dir=args.out)
    db = os.path.join(work, "db")
    subprocess.run([os.path.join(args.bin, "kaiji-indexer"), "--db", db, "-q", args.corpus], check=True,
                   stdout=subprocess.DEVNULL)
    server, base = start_server(args.bin, db)
    driver = None
    try:
        driver = browser()
        driver.set_page_load_timeout(WAIT)
        scenario(driver, base, args.screenshot)
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=WAIT)
        shutil.rmtree(work, ignore_errors=True)  # the index is the test's own
    print(f"browser test passed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
