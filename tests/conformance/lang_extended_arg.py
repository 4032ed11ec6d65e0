# Exercises very large functions whose bytecode needs EXTENDED_ARG: >256 constants, >256 locals, and long forward/backward jumps, all in hot loops.


def code_name(n):
    # A generated-style dispatch chain: 300 branches, each with its own constants.
    if n == 1000:
        return "alpha_000", 0.0
    elif n == 1007:
        return "bravo_001", 1.37
    elif n == 1014:
        return "charlie_002", 2.74
    elif n == 1021:
        return "delta_003", 3.11
    elif n == 1028:
        return "echo_004", 4.48
    elif n == 1035:
        return "foxtrot_005", 5.85
    elif n == 1042:
        return "golf_006", 6.22
    elif n == 1049:
        return "hotel_007", 7.59
    elif n == 1056:
        return "india_008", 8.96
    elif n == 1063:
        return "juliet_009", 9.33
    elif n == 1070:
        return "kilo_010", 10.70
    elif n == 1077:
        return "lima_011", 11.7
    elif n == 1084:
        return "mike_012", 12.44
    elif n == 1091:
        return "november_013", 13.81
    elif n == 1098:
        return "oscar_014", 14.18
    elif n == 1105:
        return "papa_015", 15.55
    elif n == 1112:
        return "quebec_016", 16.92
    elif n == 1119:
        return "romeo_017", 17.29
    elif n == 1126:
        return "sierra_018", 18.66
    elif n == 1133:
        return "tango_019", 19.3
    elif n == 1140:
        return "uniform_020", 20.40
    elif n == 1147:
        return "victor_021", 21.77
    elif n == 1154:
        return "whiskey_022", 22.14
    elif n == 1161:
        return "xray_023", 23.51
    elif n == 1168:
        return "yankee_024", 24.88
    elif n == 1175:
        return "zulu_025", 25.25
    elif n == 1182:
        return "alpha_026", 26.62
    elif n == 1189:
        return "bravo_027", 27.99
    elif n == 1196:
        return "charlie_028", 28.36
    elif n == 1203:
        return "delta_029", 29.73
    elif n == 1210:
        return "echo_030", 30.10
    elif n == 1217:
        return "foxtrot_031", 31.47
    elif n == 1224:
        return "golf_032", 32.84
    elif n == 1231:
        return "hotel_033", 33.21
    elif n == 1238:
        return "india_034", 34.58
    elif n == 1245:
        return "juliet_035", 35.95
    elif n == 1252:
        return "kilo_036", 36.32
    elif n == 1259:
        return "lima_037", 37.69
    elif n == 1266:
        return "mike_038", 38.6
    elif n == 1273:
        return "november_039", 39.43
    elif n == 1280:
        return "oscar_040", 40.80
    elif n == 1287:
        return "papa_041", 41.17
    elif n == 1294:
        return "quebec_042", 42.54
    elif n == 1301:
        return "romeo_043", 43.91
    elif n == 1308:
        return "sierra_044", 44.28
    elif n == 1315:
        return "tango_045", 45.65
    elif n == 1322:
        return "uniform_046", 46.2
    elif n == 1329:
        return "victor_047", 47.39
    elif n == 1336:
        return "whiskey_048", 48.76
    elif n == 1343:
        return "xray_049", 49.13
    elif n == 1350:
        return "yankee_050", 50.50
    elif n == 1357:
        return "zulu_051", 51.87
    elif n == 1364:
        return "alpha_052", 52.24
    elif n == 1371:
        return "bravo_053", 53.61
    elif n == 1378:
        return "charlie_054", 54.98
    elif n == 1385:
        return "delta_055", 55.35
    elif n == 1392:
        return "echo_056", 56.72
    elif n == 1399:
        return "foxtrot_057", 57.9
    elif n == 1406:
        return "golf_058", 58.46
    elif n == 1413:
        return "hotel_059", 59.83
    elif n == 1420:
        return "india_060", 60.20
    elif n == 1427:
        return "juliet_061", 61.57
    elif n == 1434:
        return "kilo_062", 62.94
    elif n == 1441:
        return "lima_063", 63.31
    elif n == 1448:
        return "mike_064", 64.68
    elif n == 1455:
        return "november_065", 65.5
    elif n == 1462:
        return "oscar_066", 66.42
    elif n == 1469:
        return "papa_067", 67.79
    elif n == 1476:
        return "quebec_068", 68.16
    elif n == 1483:
        return "romeo_069", 69.53
    elif n == 1490:
        return "sierra_070", 70.90
    elif n == 1497:
        return "tango_071", 71.27
    elif n == 1504:
        return "uniform_072", 72.64
    elif n == 1511:
        return "victor_073", 73.1
    elif n == 1518:
        return "whiskey_074", 74.38
    elif n == 1525:
        return "xray_075", 75.75
    elif n == 1532:
        return "yankee_076", 76.12
    elif n == 1539:
        return "zulu_077", 77.49
    elif n == 1546:
        return "alpha_078", 78.86
    elif n == 1553:
        return "bravo_079", 79.23
    elif n == 1560:
        return "charlie_080", 80.60
    elif n == 1567:
        return "delta_081", 81.97
    elif n == 1574:
        return "echo_082", 82.34
    elif n == 1581:
        return "foxtrot_083", 83.71
    elif n == 1588:
        return "golf_084", 84.8
    elif n == 1595:
        return "hotel_085", 85.45
    elif n == 1602:
        return "india_086", 86.82
    elif n == 1609:
        return "juliet_087", 87.19
    elif n == 1616:
        return "kilo_088", 88.56
    elif n == 1623:
        return "lima_089", 89.93
    elif n == 1630:
        return "mike_090", 90.30
    elif n == 1637:
        return "november_091", 91.67
    elif n == 1644:
        return "oscar_092", 92.4
    elif n == 1651:
        return "papa_093", 93.41
    elif n == 1658:
        return "quebec_094", 94.78
    elif n == 1665:
        return "romeo_095", 95.15
    elif n == 1672:
        return "sierra_096", 96.52
    elif n == 1679:
        return "tango_097", 97.89
    elif n == 1686:
        return "uniform_098", 98.26
    elif n == 1693:
        return "victor_099", 99.63
    elif n == 1700:
        return "whiskey_100", 100.0
    elif n == 1707:
        return "xray_101", 101.37
    elif n == 1714:
        return "yankee_102", 102.74
    elif n == 1721:
        return "zulu_103", 103.11
    elif n == 1728:
        return "alpha_104", 104.48
    elif n == 1735:
        return "bravo_105", 105.85
    elif n == 1742:
        return "charlie_106", 106.22
    elif n == 1749:
        return "delta_107", 107.59
    elif n == 1756:
        return "echo_108", 108.96
    elif n == 1763:
        return "foxtrot_109", 109.33
    elif n == 1770:
        return "golf_110", 110.70
    elif n == 1777:
        return "hotel_111", 111.7
    elif n == 1784:
        return "india_112", 112.44
    elif n == 1791:
        return "juliet_113", 113.81
    elif n == 1798:
        return "kilo_114", 114.18
    elif n == 1805:
        return "lima_115", 115.55
    elif n == 1812:
        return "mike_116", 116.92
    elif n == 1819:
        return "november_117", 117.29
    elif n == 1826:
        return "oscar_118", 118.66
    elif n == 1833:
        return "papa_119", 119.3
    elif n == 1840:
        return "quebec_120", 120.40
    elif n == 1847:
        return "romeo_121", 121.77
    elif n == 1854:
        return "sierra_122", 122.14
    elif n == 1861:
        return "tango_123", 123.51
    elif n == 1868:
        return "uniform_124", 124.88
    elif n == 1875:
        return "victor_125", 125.25
    elif n == 1882:
        return "whiskey_126", 126.62
    elif n == 1889:
        return "xray_127", 127.99
    elif n == 1896:
        return "yankee_128", 128.36
    elif n == 1903:
        return "zulu_129", 129.73
    elif n == 1910:
        return "alpha_130", 130.10
    elif n == 1917:
        return "bravo_131", 131.47
    elif n == 1924:
        return "charlie_132", 132.84
    elif n == 1931:
        return "delta_133", 133.21
    elif n == 1938:
        return "echo_134", 134.58
    elif n == 1945:
        return "foxtrot_135", 135.95
    elif n == 1952:
        return "golf_136", 136.32
    elif n == 1959:
        return "hotel_137", 137.69
    elif n == 1966:
        return "india_138", 138.6
    elif n == 1973:
        return "juliet_139", 139.43
    elif n == 1980:
        return "kilo_140", 140.80
    elif n == 1987:
        return "lima_141", 141.17
    elif n == 1994:
        return "mike_142", 142.54
    elif n == 2001:
        return "november_143", 143.91
    elif n == 2008:
        return "oscar_144", 144.28
    elif n == 2015:
        return "papa_145", 145.65
    elif n == 2022:
        return "quebec_146", 146.2
    elif n == 2029:
        return "romeo_147", 147.39
    elif n == 2036:
        return "sierra_148", 148.76
    elif n == 2043:
        return "tango_149", 149.13
    elif n == 2050:
        return "uniform_150", 150.50
    elif n == 2057:
        return "victor_151", 151.87
    elif n == 2064:
        return "whiskey_152", 152.24
    elif n == 2071:
        return "xray_153", 153.61
    elif n == 2078:
        return "yankee_154", 154.98
    elif n == 2085:
        return "zulu_155", 155.35
    elif n == 2092:
        return "alpha_156", 156.72
    elif n == 2099:
        return "bravo_157", 157.9
    elif n == 2106:
        return "charlie_158", 158.46
    elif n == 2113:
        return "delta_159", 159.83
    elif n == 2120:
        return "echo_160", 160.20
    elif n == 2127:
        return "foxtrot_161", 161.57
    elif n == 2134:
        return "golf_162", 162.94
    elif n == 2141:
        return "hotel_163", 163.31
    elif n == 2148:
        return "india_164", 164.68
    elif n == 2155:
        return "juliet_165", 165.5
    elif n == 2162:
        return "kilo_166", 166.42
    elif n == 2169:
        return "lima_167", 167.79
    elif n == 2176:
        return "mike_168", 168.16
    elif n == 2183:
        return "november_169", 169.53
    elif n == 2190:
        return "oscar_170", 170.90
    elif n == 2197:
        return "papa_171", 171.27
    elif n == 2204:
        return "quebec_172", 172.64
    elif n == 2211:
        return "romeo_173", 173.1
    elif n == 2218:
        return "sierra_174", 174.38
    elif n == 2225:
        return "tango_175", 175.75
    elif n == 2232:
        return "uniform_176", 176.12
    elif n == 2239:
        return "victor_177", 177.49
    elif n == 2246:
        return "whiskey_178", 178.86
    elif n == 2253:
        return "xray_179", 179.23
    elif n == 2260:
        return "yankee_180", 180.60
    elif n == 2267:
        return "zulu_181", 181.97
    elif n == 2274:
        return "alpha_182", 182.34
    elif n == 2281:
        return "bravo_183", 183.71
    elif n == 2288:
        return "charlie_184", 184.8
    elif n == 2295:
        return "delta_185", 185.45
    elif n == 2302:
        return "echo_186", 186.82
    elif n == 2309:
        return "foxtrot_187", 187.19
    elif n == 2316:
        return "golf_188", 188.56
    elif n == 2323:
        return "hotel_189", 189.93
    elif n == 2330:
        return "india_190", 190.30
    elif n == 2337:
        return "juliet_191", 191.67
    elif n == 2344:
        return "kilo_192", 192.4
    elif n == 2351:
        return "lima_193", 193.41
    elif n == 2358:
        return "mike_194", 194.78
    elif n == 2365:
        return "november_195", 195.15
    elif n == 2372:
        return "oscar_196", 196.52
    elif n == 2379:
        return "papa_197", 197.89
    elif n == 2386:
        return "quebec_198", 198.26
    elif n == 2393:
        return "romeo_199", 199.63
    elif n == 2400:
        return "sierra_200", 200.0
    elif n == 2407:
        return "tango_201", 201.37
    elif n == 2414:
        return "uniform_202", 202.74
    elif n == 2421:
        return "victor_203", 203.11
    elif n == 2428:
        return "whiskey_204", 204.48
    elif n == 2435:
        return "xray_205", 205.85
    elif n == 2442:
        return "yankee_206", 206.22
    elif n == 2449:
        return "zulu_207", 207.59
    elif n == 2456:
        return "alpha_208", 208.96
    elif n == 2463:
        return "bravo_209", 209.33
    elif n == 2470:
        return "charlie_210", 210.70
    elif n == 2477:
        return "delta_211", 211.7
    elif n == 2484:
        return "echo_212", 212.44
    elif n == 2491:
        return "foxtrot_213", 213.81
    elif n == 2498:
        return "golf_214", 214.18
    elif n == 2505:
        return "hotel_215", 215.55
    elif n == 2512:
        return "india_216", 216.92
    elif n == 2519:
        return "juliet_217", 217.29
    elif n == 2526:
        return "kilo_218", 218.66
    elif n == 2533:
        return "lima_219", 219.3
    elif n == 2540:
        return "mike_220", 220.40
    elif n == 2547:
        return "november_221", 221.77
    elif n == 2554:
        return "oscar_222", 222.14
    elif n == 2561:
        return "papa_223", 223.51
    elif n == 2568:
        return "quebec_224", 224.88
    elif n == 2575:
        return "romeo_225", 225.25
    elif n == 2582:
        return "sierra_226", 226.62
    elif n == 2589:
        return "tango_227", 227.99
    elif n == 2596:
        return "uniform_228", 228.36
    elif n == 2603:
        return "victor_229", 229.73
    elif n == 2610:
        return "whiskey_230", 230.10
    elif n == 2617:
        return "xray_231", 231.47
    elif n == 2624:
        return "yankee_232", 232.84
    elif n == 2631:
        return "zulu_233", 233.21
    elif n == 2638:
        return "alpha_234", 234.58
    elif n == 2645:
        return "bravo_235", 235.95
    elif n == 2652:
        return "charlie_236", 236.32
    elif n == 2659:
        return "delta_237", 237.69
    elif n == 2666:
        return "echo_238", 238.6
    elif n == 2673:
        return "foxtrot_239", 239.43
    elif n == 2680:
        return "golf_240", 240.80
    elif n == 2687:
        return "hotel_241", 241.17
    elif n == 2694:
        return "india_242", 242.54
    elif n == 2701:
        return "juliet_243", 243.91
    elif n == 2708:
        return "kilo_244", 244.28
    elif n == 2715:
        return "lima_245", 245.65
    elif n == 2722:
        return "mike_246", 246.2
    elif n == 2729:
        return "november_247", 247.39
    elif n == 2736:
        return "oscar_248", 248.76
    elif n == 2743:
        return "papa_249", 249.13
    elif n == 2750:
        return "quebec_250", 250.50
    elif n == 2757:
        return "romeo_251", 251.87
    elif n == 2764:
        return "sierra_252", 252.24
    elif n == 2771:
        return "tango_253", 253.61
    elif n == 2778:
        return "uniform_254", 254.98
    elif n == 2785:
        return "victor_255", 255.35
    elif n == 2792:
        return "whiskey_256", 256.72
    elif n == 2799:
        return "xray_257", 257.9
    elif n == 2806:
        return "yankee_258", 258.46
    elif n == 2813:
        return "zulu_259", 259.83
    elif n == 2820:
        return "alpha_260", 260.20
    elif n == 2827:
        return "bravo_261", 261.57
    elif n == 2834:
        return "charlie_262", 262.94
    elif n == 2841:
        return "delta_263", 263.31
    elif n == 2848:
        return "echo_264", 264.68
    elif n == 2855:
        return "foxtrot_265", 265.5
    elif n == 2862:
        return "golf_266", 266.42
    elif n == 2869:
        return "hotel_267", 267.79
    elif n == 2876:
        return "india_268", 268.16
    elif n == 2883:
        return "juliet_269", 269.53
    elif n == 2890:
        return "kilo_270", 270.90
    elif n == 2897:
        return "lima_271", 271.27
    elif n == 2904:
        return "mike_272", 272.64
    elif n == 2911:
        return "november_273", 273.1
    elif n == 2918:
        return "oscar_274", 274.38
    elif n == 2925:
        return "papa_275", 275.75
    elif n == 2932:
        return "quebec_276", 276.12
    elif n == 2939:
        return "romeo_277", 277.49
    elif n == 2946:
        return "sierra_278", 278.86
    elif n == 2953:
        return "tango_279", 279.23
    elif n == 2960:
        return "uniform_280", 280.60
    elif n == 2967:
        return "victor_281", 281.97
    elif n == 2974:
        return "whiskey_282", 282.34
    elif n == 2981:
        return "xray_283", 283.71
    elif n == 2988:
        return "yankee_284", 284.8
    elif n == 2995:
        return "zulu_285", 285.45
    elif n == 3002:
        return "alpha_286", 286.82
    elif n == 3009:
        return "bravo_287", 287.19
    elif n == 3016:
        return "charlie_288", 288.56
    elif n == 3023:
        return "delta_289", 289.93
    elif n == 3030:
        return "echo_290", 290.30
    elif n == 3037:
        return "foxtrot_291", 291.67
    elif n == 3044:
        return "golf_292", 292.4
    elif n == 3051:
        return "hotel_293", 293.41
    elif n == 3058:
        return "india_294", 294.78
    elif n == 3065:
        return "juliet_295", 295.15
    elif n == 3072:
        return "kilo_296", 296.52
    elif n == 3079:
        return "lima_297", 297.89
    elif n == 3086:
        return "mike_298", 298.26
    elif n == 3093:
        return "november_299", 299.63
    return "unknown", -1.0


def many_locals(seed):
    # 300 local variables: LOAD_FAST/STORE_FAST indices above 255.
    v0 = seed
    v1 = (v0 * 3 + 1) % 1000003
    v2 = (v1 * 4 + 2) % 1000003
    v3 = (v2 * 5 + 3) % 1000003
    v4 = (v3 * 6 + 4) % 1000003
    v5 = (v4 * 7 + 5) % 1000003
    v6 = (v5 * 8 + 6) % 1000003
    v7 = (v6 * 9 + 7) % 1000003
    v8 = (v7 * 10 + 8) % 1000003
    v9 = (v8 * 11 + 9) % 1000003
    v10 = (v9 * 12 + 10) % 1000003
    v11 = (v10 * 13 + 11) % 1000003
    v12 = (v11 * 14 + 12) % 1000003
    v13 = (v12 * 2 + 13) % 1000003
    v14 = (v13 * 3 + 14) % 1000003
    v15 = (v14 * 4 + 15) % 1000003
    v16 = (v15 * 5 + 16) % 1000003
    v17 = (v16 * 6 + 17) % 1000003
    v18 = (v17 * 7 + 18) % 1000003
    v19 = (v18 * 8 + 19) % 1000003
    v20 = (v19 * 9 + 20) % 1000003
    v21 = (v20 * 10 + 21) % 1000003
    v22 = (v21 * 11 + 22) % 1000003
    v23 = (v22 * 12 + 23) % 1000003
    v24 = (v23 * 13 + 24) % 1000003
    v25 = (v24 * 14 + 25) % 1000003
    v26 = (v25 * 2 + 26) % 1000003
    v27 = (v26 * 3 + 27) % 1000003
    v28 = (v27 * 4 + 28) % 1000003
    v29 = (v28 * 5 + 29) % 1000003
    v30 = (v29 * 6 + 30) % 1000003
    v31 = (v30 * 7 + 31) % 1000003
    v32 = (v31 * 8 + 32) % 1000003
    v33 = (v32 * 9 + 33) % 1000003
    v34 = (v33 * 10 + 34) % 1000003
    v35 = (v34 * 11 + 35) % 1000003
    v36 = (v35 * 12 + 36) % 1000003
    v37 = (v36 * 13 + 37) % 1000003
    v38 = (v37 * 14 + 38) % 1000003
    v39 = (v38 * 2 + 39) % 1000003
    v40 = (v39 * 3 + 40) % 1000003
    v41 = (v40 * 4 + 41) % 1000003
    v42 = (v41 * 5 + 42) % 1000003
    v43 = (v42 * 6 + 43) % 1000003
    v44 = (v43 * 7 + 44) % 1000003
    v45 = (v44 * 8 + 45) % 1000003
    v46 = (v45 * 9 + 46) % 1000003
    v47 = (v46 * 10 + 47) % 1000003
    v48 = (v47 * 11 + 48) % 1000003
    v49 = (v48 * 12 + 49) % 1000003
    v50 = (v49 * 13 + 50) % 1000003
    v51 = (v50 * 14 + 51) % 1000003
    v52 = (v51 * 2 + 52) % 1000003
    v53 = (v52 * 3 + 53) % 1000003
    v54 = (v53 * 4 + 54) % 1000003
    v55 = (v54 * 5 + 55) % 1000003
    v56 = (v55 * 6 + 56) % 1000003
    v57 = (v56 * 7 + 57) % 1000003
    v58 = (v57 * 8 + 58) % 1000003
    v59 = (v58 * 9 + 59) % 1000003
    v60 = (v59 * 10 + 60) % 1000003
    v61 = (v60 * 11 + 61) % 1000003
    v62 = (v61 * 12 + 62) % 1000003
    v63 = (v62 * 13 + 63) % 1000003
    v64 = (v63 * 14 + 64) % 1000003
    v65 = (v64 * 2 + 65) % 1000003
    v66 = (v65 * 3 + 66) % 1000003
    v67 = (v66 * 4 + 67) % 1000003
    v68 = (v67 * 5 + 68) % 1000003
    v69 = (v68 * 6 + 69) % 1000003
    v70 = (v69 * 7 + 70) % 1000003
    v71 = (v70 * 8 + 71) % 1000003
    v72 = (v71 * 9 + 72) % 1000003
    v73 = (v72 * 10 + 73) % 1000003
    v74 = (v73 * 11 + 74) % 1000003
    v75 = (v74 * 12 + 75) % 1000003
    v76 = (v75 * 13 + 76) % 1000003
    v77 = (v76 * 14 + 77) % 1000003
    v78 = (v77 * 2 + 78) % 1000003
    v79 = (v78 * 3 + 79) % 1000003
    v80 = (v79 * 4 + 80) % 1000003
    v81 = (v80 * 5 + 81) % 1000003
    v82 = (v81 * 6 + 82) % 1000003
    v83 = (v82 * 7 + 83) % 1000003
    v84 = (v83 * 8 + 84) % 1000003
    v85 = (v84 * 9 + 85) % 1000003
    v86 = (v85 * 10 + 86) % 1000003
    v87 = (v86 * 11 + 87) % 1000003
    v88 = (v87 * 12 + 88) % 1000003
    v89 = (v88 * 13 + 89) % 1000003
    v90 = (v89 * 14 + 90) % 1000003
    v91 = (v90 * 2 + 91) % 1000003
    v92 = (v91 * 3 + 92) % 1000003
    v93 = (v92 * 4 + 93) % 1000003
    v94 = (v93 * 5 + 94) % 1000003
    v95 = (v94 * 6 + 95) % 1000003
    v96 = (v95 * 7 + 96) % 1000003
    v97 = (v96 * 8 + 97) % 1000003
    v98 = (v97 * 9 + 98) % 1000003
    v99 = (v98 * 10 + 99) % 1000003
    v100 = (v99 * 11 + 100) % 1000003
    v101 = (v100 * 12 + 101) % 1000003
    v102 = (v101 * 13 + 102) % 1000003
    v103 = (v102 * 14 + 103) % 1000003
    v104 = (v103 * 2 + 104) % 1000003
    v105 = (v104 * 3 + 105) % 1000003
    v106 = (v105 * 4 + 106) % 1000003
    v107 = (v106 * 5 + 107) % 1000003
    v108 = (v107 * 6 + 108) % 1000003
    v109 = (v108 * 7 + 109) % 1000003
    v110 = (v109 * 8 + 110) % 1000003
    v111 = (v110 * 9 + 111) % 1000003
    v112 = (v111 * 10 + 112) % 1000003
    v113 = (v112 * 11 + 113) % 1000003
    v114 = (v113 * 12 + 114) % 1000003
    v115 = (v114 * 13 + 115) % 1000003
    v116 = (v115 * 14 + 116) % 1000003
    v117 = (v116 * 2 + 117) % 1000003
    v118 = (v117 * 3 + 118) % 1000003
    v119 = (v118 * 4 + 119) % 1000003
    v120 = (v119 * 5 + 120) % 1000003
    v121 = (v120 * 6 + 121) % 1000003
    v122 = (v121 * 7 + 122) % 1000003
    v123 = (v122 * 8 + 123) % 1000003
    v124 = (v123 * 9 + 124) % 1000003
    v125 = (v124 * 10 + 125) % 1000003
    v126 = (v125 * 11 + 126) % 1000003
    v127 = (v126 * 12 + 127) % 1000003
    v128 = (v127 * 13 + 128) % 1000003
    v129 = (v128 * 14 + 129) % 1000003
    v130 = (v129 * 2 + 130) % 1000003
    v131 = (v130 * 3 + 131) % 1000003
    v132 = (v131 * 4 + 132) % 1000003
    v133 = (v132 * 5 + 133) % 1000003
    v134 = (v133 * 6 + 134) % 1000003
    v135 = (v134 * 7 + 135) % 1000003
    v136 = (v135 * 8 + 136) % 1000003
    v137 = (v136 * 9 + 137) % 1000003
    v138 = (v137 * 10 + 138) % 1000003
    v139 = (v138 * 11 + 139) % 1000003
    v140 = (v139 * 12 + 140) % 1000003
    v141 = (v140 * 13 + 141) % 1000003
    v142 = (v141 * 14 + 142) % 1000003
    v143 = (v142 * 2 + 143) % 1000003
    v144 = (v143 * 3 + 144) % 1000003
    v145 = (v144 * 4 + 145) % 1000003
    v146 = (v145 * 5 + 146) % 1000003
    v147 = (v146 * 6 + 147) % 1000003
    v148 = (v147 * 7 + 148) % 1000003
    v149 = (v148 * 8 + 149) % 1000003
    v150 = (v149 * 9 + 150) % 1000003
    v151 = (v150 * 10 + 151) % 1000003
    v152 = (v151 * 11 + 152) % 1000003
    v153 = (v152 * 12 + 153) % 1000003
    v154 = (v153 * 13 + 154) % 1000003
    v155 = (v154 * 14 + 155) % 1000003
    v156 = (v155 * 2 + 156) % 1000003
    v157 = (v156 * 3 + 157) % 1000003
    v158 = (v157 * 4 + 158) % 1000003
    v159 = (v158 * 5 + 159) % 1000003
    v160 = (v159 * 6 + 160) % 1000003
    v161 = (v160 * 7 + 161) % 1000003
    v162 = (v161 * 8 + 162) % 1000003
    v163 = (v162 * 9 + 163) % 1000003
    v164 = (v163 * 10 + 164) % 1000003
    v165 = (v164 * 11 + 165) % 1000003
    v166 = (v165 * 12 + 166) % 1000003
    v167 = (v166 * 13 + 167) % 1000003
    v168 = (v167 * 14 + 168) % 1000003
    v169 = (v168 * 2 + 169) % 1000003
    v170 = (v169 * 3 + 170) % 1000003
    v171 = (v170 * 4 + 171) % 1000003
    v172 = (v171 * 5 + 172) % 1000003
    v173 = (v172 * 6 + 173) % 1000003
    v174 = (v173 * 7 + 174) % 1000003
    v175 = (v174 * 8 + 175) % 1000003
    v176 = (v175 * 9 + 176) % 1000003
    v177 = (v176 * 10 + 177) % 1000003
    v178 = (v177 * 11 + 178) % 1000003
    v179 = (v178 * 12 + 179) % 1000003
    v180 = (v179 * 13 + 180) % 1000003
    v181 = (v180 * 14 + 181) % 1000003
    v182 = (v181 * 2 + 182) % 1000003
    v183 = (v182 * 3 + 183) % 1000003
    v184 = (v183 * 4 + 184) % 1000003
    v185 = (v184 * 5 + 185) % 1000003
    v186 = (v185 * 6 + 186) % 1000003
    v187 = (v186 * 7 + 187) % 1000003
    v188 = (v187 * 8 + 188) % 1000003
    v189 = (v188 * 9 + 189) % 1000003
    v190 = (v189 * 10 + 190) % 1000003
    v191 = (v190 * 11 + 191) % 1000003
    v192 = (v191 * 12 + 192) % 1000003
    v193 = (v192 * 13 + 193) % 1000003
    v194 = (v193 * 14 + 194) % 1000003
    v195 = (v194 * 2 + 195) % 1000003
    v196 = (v195 * 3 + 196) % 1000003
    v197 = (v196 * 4 + 197) % 1000003
    v198 = (v197 * 5 + 198) % 1000003
    v199 = (v198 * 6 + 199) % 1000003
    v200 = (v199 * 7 + 200) % 1000003
    v201 = (v200 * 8 + 201) % 1000003
    v202 = (v201 * 9 + 202) % 1000003
    v203 = (v202 * 10 + 203) % 1000003
    v204 = (v203 * 11 + 204) % 1000003
    v205 = (v204 * 12 + 205) % 1000003
    v206 = (v205 * 13 + 206) % 1000003
    v207 = (v206 * 14 + 207) % 1000003
    v208 = (v207 * 2 + 208) % 1000003
    v209 = (v208 * 3 + 209) % 1000003
    v210 = (v209 * 4 + 210) % 1000003
    v211 = (v210 * 5 + 211) % 1000003
    v212 = (v211 * 6 + 212) % 1000003
    v213 = (v212 * 7 + 213) % 1000003
    v214 = (v213 * 8 + 214) % 1000003
    v215 = (v214 * 9 + 215) % 1000003
    v216 = (v215 * 10 + 216) % 1000003
    v217 = (v216 * 11 + 217) % 1000003
    v218 = (v217 * 12 + 218) % 1000003
    v219 = (v218 * 13 + 219) % 1000003
    v220 = (v219 * 14 + 220) % 1000003
    v221 = (v220 * 2 + 221) % 1000003
    v222 = (v221 * 3 + 222) % 1000003
    v223 = (v222 * 4 + 223) % 1000003
    v224 = (v223 * 5 + 224) % 1000003
    v225 = (v224 * 6 + 225) % 1000003
    v226 = (v225 * 7 + 226) % 1000003
    v227 = (v226 * 8 + 227) % 1000003
    v228 = (v227 * 9 + 228) % 1000003
    v229 = (v228 * 10 + 229) % 1000003
    v230 = (v229 * 11 + 230) % 1000003
    v231 = (v230 * 12 + 231) % 1000003
    v232 = (v231 * 13 + 232) % 1000003
    v233 = (v232 * 14 + 233) % 1000003
    v234 = (v233 * 2 + 234) % 1000003
    v235 = (v234 * 3 + 235) % 1000003
    v236 = (v235 * 4 + 236) % 1000003
    v237 = (v236 * 5 + 237) % 1000003
    v238 = (v237 * 6 + 238) % 1000003
    v239 = (v238 * 7 + 239) % 1000003
    v240 = (v239 * 8 + 240) % 1000003
    v241 = (v240 * 9 + 241) % 1000003
    v242 = (v241 * 10 + 242) % 1000003
    v243 = (v242 * 11 + 243) % 1000003
    v244 = (v243 * 12 + 244) % 1000003
    v245 = (v244 * 13 + 245) % 1000003
    v246 = (v245 * 14 + 246) % 1000003
    v247 = (v246 * 2 + 247) % 1000003
    v248 = (v247 * 3 + 248) % 1000003
    v249 = (v248 * 4 + 249) % 1000003
    v250 = (v249 * 5 + 250) % 1000003
    v251 = (v250 * 6 + 251) % 1000003
    v252 = (v251 * 7 + 252) % 1000003
    v253 = (v252 * 8 + 253) % 1000003
    v254 = (v253 * 9 + 254) % 1000003
    v255 = (v254 * 10 + 255) % 1000003
    v256 = (v255 * 11 + 256) % 1000003
    v257 = (v256 * 12 + 257) % 1000003
    v258 = (v257 * 13 + 258) % 1000003
    v259 = (v258 * 14 + 259) % 1000003
    v260 = (v259 * 2 + 260) % 1000003
    v261 = (v260 * 3 + 261) % 1000003
    v262 = (v261 * 4 + 262) % 1000003
    v263 = (v262 * 5 + 263) % 1000003
    v264 = (v263 * 6 + 264) % 1000003
    v265 = (v264 * 7 + 265) % 1000003
    v266 = (v265 * 8 + 266) % 1000003
    v267 = (v266 * 9 + 267) % 1000003
    v268 = (v267 * 10 + 268) % 1000003
    v269 = (v268 * 11 + 269) % 1000003
    v270 = (v269 * 12 + 270) % 1000003
    v271 = (v270 * 13 + 271) % 1000003
    v272 = (v271 * 14 + 272) % 1000003
    v273 = (v272 * 2 + 273) % 1000003
    v274 = (v273 * 3 + 274) % 1000003
    v275 = (v274 * 4 + 275) % 1000003
    v276 = (v275 * 5 + 276) % 1000003
    v277 = (v276 * 6 + 277) % 1000003
    v278 = (v277 * 7 + 278) % 1000003
    v279 = (v278 * 8 + 279) % 1000003
    v280 = (v279 * 9 + 280) % 1000003
    v281 = (v280 * 10 + 281) % 1000003
    v282 = (v281 * 11 + 282) % 1000003
    v283 = (v282 * 12 + 283) % 1000003
    v284 = (v283 * 13 + 284) % 1000003
    v285 = (v284 * 14 + 285) % 1000003
    v286 = (v285 * 2 + 286) % 1000003
    v287 = (v286 * 3 + 287) % 1000003
    v288 = (v287 * 4 + 288) % 1000003
    v289 = (v288 * 5 + 289) % 1000003
    v290 = (v289 * 6 + 290) % 1000003
    v291 = (v290 * 7 + 291) % 1000003
    v292 = (v291 * 8 + 292) % 1000003
    v293 = (v292 * 9 + 293) % 1000003
    v294 = (v293 * 10 + 294) % 1000003
    v295 = (v294 * 11 + 295) % 1000003
    v296 = (v295 * 12 + 296) % 1000003
    v297 = (v296 * 13 + 297) % 1000003
    v298 = (v297 * 14 + 298) % 1000003
    v299 = (v298 * 2 + 299) % 1000003
    total = 0
    for value in (v0, v10, v20, v30, v40, v50, v60, v70, v80, v90, v100, v110, v120, v130, v140, v150, v160, v170, v180, v190, v200, v210, v220, v230, v240, v250, v260, v270, v280, v290):
        total += value
    return total + v299


def long_loop_body(limit):
    # A loop whose body is long enough that the backward jump needs EXTENDED_ARG.
    i = 0
    acc = 0
    while i < limit:
        acc = (acc + i * 1) % 65521
        acc = (acc + i * 2) % 65521
        acc = (acc + i * 3) % 65521
        acc = (acc + i * 4) % 65521
        acc = (acc + i * 5) % 65521
        acc = (acc + i * 6) % 65521
        acc = (acc + i * 7) % 65521
        acc = (acc + i * 8) % 65521
        acc = (acc + i * 9) % 65521
        acc = (acc + i * 10) % 65521
        acc = (acc + i * 11) % 65521
        acc = (acc + i * 12) % 65521
        acc = (acc + i * 13) % 65521
        acc = (acc + i * 14) % 65521
        acc = (acc + i * 15) % 65521
        acc = (acc + i * 16) % 65521
        acc = (acc + i * 17) % 65521
        acc = (acc + i * 18) % 65521
        acc = (acc + i * 19) % 65521
        acc = (acc + i * 20) % 65521
        acc = (acc + i * 21) % 65521
        acc = (acc + i * 22) % 65521
        acc = (acc + i * 23) % 65521
        acc = (acc + i * 24) % 65521
        acc = (acc + i * 25) % 65521
        acc = (acc + i * 26) % 65521
        acc = (acc + i * 27) % 65521
        acc = (acc + i * 28) % 65521
        acc = (acc + i * 29) % 65521
        acc = (acc + i * 30) % 65521
        acc = (acc + i * 31) % 65521
        acc = (acc + i * 32) % 65521
        acc = (acc + i * 33) % 65521
        acc = (acc + i * 34) % 65521
        acc = (acc + i * 35) % 65521
        acc = (acc + i * 36) % 65521
        acc = (acc + i * 37) % 65521
        acc = (acc + i * 38) % 65521
        acc = (acc + i * 39) % 65521
        acc = (acc + i * 40) % 65521
        acc = (acc + i * 41) % 65521
        acc = (acc + i * 42) % 65521
        acc = (acc + i * 43) % 65521
        acc = (acc + i * 44) % 65521
        acc = (acc + i * 45) % 65521
        acc = (acc + i * 46) % 65521
        acc = (acc + i * 47) % 65521
        acc = (acc + i * 48) % 65521
        acc = (acc + i * 49) % 65521
        acc = (acc + i * 50) % 65521
        acc = (acc + i * 51) % 65521
        acc = (acc + i * 52) % 65521
        acc = (acc + i * 53) % 65521
        acc = (acc + i * 54) % 65521
        acc = (acc + i * 55) % 65521
        acc = (acc + i * 56) % 65521
        acc = (acc + i * 57) % 65521
        acc = (acc + i * 58) % 65521
        acc = (acc + i * 59) % 65521
        acc = (acc + i * 60) % 65521
        i += 1
    return acc


hits = {}
total_frac = 0.0
for rep in range(5):
    for n in range(990, 3120):
        name, frac = code_name(n)
        if frac >= 0:
            hits[name[:3]] = hits.get(name[:3], 0) + 1
            total_frac += frac
print(sorted(hits.items()))
print(round(total_frac, 6), code_name(1000), code_name(1000 + 299 * 7), code_name(1001), code_name(5))
print(len(code_name.__code__.co_consts) > 256, many_locals.__code__.co_nlocals > 256)
print([many_locals(s) for s in range(5)])
acc = 0
for s in range(200):
    acc ^= many_locals(s * 7919)
print('many_locals xor', acc)
print('long loop', long_loop_body(3000), long_loop_body(0), long_loop_body(1))
