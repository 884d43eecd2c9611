/**
 * Towns, districts and regions that many people who come to Europe come from (Syria, Afghanistan,
 * Iraq, Iran, Ukraine, the Horn of Africa, West Africa, Pakistan, Bangladesh, Sudan, Yemen,
 * Palestine, the Maghreb, Turkey's Kurdish south-east), in the spellings of the seven languages.
 * Written for mentorNET from general knowledge. A place of origin together with a nationality
 * narrows a person down far more than a country does; countries are deliberately not listed.
 * One place per line, spellings separated by "|"; the detector also finds Slavic case forms
 * (z Kabulu, з Херсона, w Zaporożu).
 */
export const ORIGIN_PLACES = `
Aleppo|Halab|Alep|Χαλέπι|حلب|Алеппо|Алеппо
Damascus|Damaskus|Damasco|Damaszek|Δαμασκός|دمشق|Дамаск
Homs|Χομς|حمص|Хомс
Hama|Hamah|Χάμα|حماة|Хама
Idlib|Idleb|Ιντλίμπ|Ιντλιμπ|إدلب|ادلب|Ідліб
Deir ez-Zor|Deir ez-Zour|Deir al-Zour|Deir Ezzor|Dayr az-Zawr|Ντέιρ ελ-Ζορ|دير الزور|Дейр-ез-Зор
Raqqa|Rakka|Ar-Raqqa|Ράκα|الرقة|Ракка
Daraa|Dara'a|Deraa|Ντεράα|درعا|Дараа
Latakia|Lattakia|Latakieh|Λαττάκεια|اللاذقية|Латакія
Qamishli|Kamischli|Al-Qamishli|Καμισλί|القامشلي|Камишли
Afrin|Efrîn|Αφρίν|عفرين|Афрін
Kobane|Kobani|Ain al-Arab|Κομπάνι|كوباني|عين العرب|Кобані
Hasakah|Al-Hasakah|Hassakeh|Χασάκα|الحسكة
Tartus|Tartous|Ταρτούς|طرطوس
Douma|دوما
Kabul|Kabol|Kaboel|Καμπούλ|Καμπουλ|كابل|کابل|Кабул
Herat|Χεράτ|هرات|Герат
Kandahar|Qandahar|Κανταχάρ|Κανταχαρ|قندهار|Кандагар
Mazar-i-Sharif|Mazar-e Sharif|Mazar-e-Sharif|Masar-e Scharif|Mazar-i-Szarif|Μαζάρ-ι-Σαρίφ|مزار شريف|مزار شریف|Мазарі-Шариф
Jalalabad|Dschalalabad|Τζαλαλαμπάντ|جلال آباد|Джелалабад
Kunduz|Kundus|Κουντούζ|قندوز|Кундуз
Ghazni|Γκάζνι|غزني|Газні
Bamyan|Bamiyan|Μπαμιγιάν|باميان|Баміан
Helmand|Lashkar Gah|هلمند
Mosul|Mossul|Μοσούλη|الموصل|Мосул
Baghdad|Bagdad|Bagdat|Βαγδάτη|بغداد|Багдад
Basra|Bassora|Βασόρα|البصرة|Басра
Erbil|Arbil|Irbil|Ερμπίλ|أربيل|اربيل|Ербіль
Sulaymaniyah|Sulaimaniyya|Suleimaniya|Σουλεϊμανίγια|السليمانية
Kirkuk|Κιρκούκ|كركوك|Кіркук
Sinjar|Shingal|Sindschar|Σιντζάρ|سنجار|Синджар
Duhok|Dohuk|Dahuk|دهوك
Tehran|Teheran|Τεχεράνη|طهران|تهران|Тегеран
Mashhad|Maschhad|Μασχάντ|مشهد|Мешхед
Tabriz|Ταμπρίζ|تبريز|Тебриз
Shiraz|Schiras|Σιράζ|شيراز|Шираз
Isfahan|Esfahan|Ισφαχάν|أصفهان|Ісфахан
Kharkiv|Kharkov|Charkiw|Charków|Charkowa|Kharkiv|Χάρκοβο|Χάρκιβ|خاركيف|Харків|Харкова|Харьков
Mariupol|Mariupol'|Mariupolu|Μαριούπολη|ماريوبول|Маріуполь|Мариуполь
Kherson|Cherson|Chersoń|Χερσώνα|خيرسون|Херсон
Bakhmut|Bachmut|Μπαχμούτ|باخموت|Бахмут
Zaporizhzhia|Zaporischschja|Zaporizhia|Zaporoże|Zaporižžja|Ζαπορίζια|زابوريجيا|Запоріжжя|Запорожье
Odesa|Odessa|Odesy|Οδησσός|أوديسا|Одеса|Одесса
Kyiv|Kiev|Kiew|Kijów|Kijowa|Kijev|Κίεβο|كييف|Київ|Києва|Киев
Mykolaiv|Mykolajiw|Mikołajów|Μικολάιβ|ميكولايف|Миколаїв|Миколаєва|Николаев
Donetsk|Donezk|Donieck|Ντονέτσκ|دونيتسك|Донецьк|Донецк
Luhansk|Lugansk|Ługańsk|Λουχάνσκ|لوهانسك|Луганськ|Луганск
Dnipro|Dnipropetrowsk|Dniepr|Ντνίπρο|دنيبرو|Дніпро|Днепр
Lviv|Lwiw|Lwów|Lwowa|Lemberg|Λβιβ|لفيف|Львів|Львова|Львов
Chernihiv|Tschernihiw|Czernihów|Τσερνίχιβ|Чернігів|Чернігова
Sumy|Σούμι|Суми
Kramatorsk|Κραματόρσκ|Краматорськ
Melitopol|Μελιτόπολ|Мелітополь
Izium|Isjum|Izium|Ізюм
Bucha|Butscha|Bucza|Буча
Irpin|Irpiń|Ірпінь
Sievierodonetsk|Sjewjerodonezk|Сєвєродонецьк
Nova Kakhovka|Нова Каховка
Asmara|Asmera|Ασμάρα|أسمرة|Асмера
Keren|Κέρεν|كرن
Massawa|Massaua|مصوع
Mendefera|Mendefera
Gondar|Gonder|Γκοντάρ|غوندار
Mekelle|Mek'ele|Μεκέλε|مقلي
Addis Ababa|Addis Abeba|Αντίς Αμπέμπα|أديس أبابا|Аддис-Абеба
Mogadishu|Mogadischu|Mogadiscio|Mogadiszu|Μογκαντίσου|مقديشو|Могадішо
Hargeisa|هرجيسا
Kismayo|كيسمايو
Lagos|Λάγος|لاغوس
Benin City
Kano|كانو
Dakar|Ντακάρ|داكار
Kaolack|Kaolak
Touba
Banjul|Serrekunda
Bamako|Μπαμάκο|باماكو
Conakry|Κόνακρι|كوناكري
Abidjan|Αμπιτζάν|أبيدجان
Gujranwala|Gujrat|Sialkot|Lahore|Karachi|Peshawar|Quetta|Λαχόρη|Καράτσι|لاهور|كراتشي|بيشاور
Dhaka|Dacca|Ντάκα|دكا
Sylhet|Silhet|Σιλχέτ
Chittagong|Chattogram
Diyarbakır|Diyarbakir|Amed|Ντιγιάρμπακιρ|ديار بكر
Mardin|ماردين
Khartoum|Khartum|Chartum|Χαρτούμ|الخرطوم|Хартум
Darfur|Dārfūr|Νταρφούρ|دارفور
El Fasher|Al-Fashir|الفاشر
Nyala|نيالا
Sanaa|Sana'a|Σαναά|صنعاء
Aden|Άντεν|عدن
Taiz|Ta'izz|تعز
Gaza|Γάζα|غزة|Газа
Khan Younis|Khan Yunis|خان يونس
Rafah|رفح
Jenin|Dschenin|جنين
Nablus|نابلس
Benghazi|Bengasi|Βεγγάζη|بنغازي
Misrata|مصراتة
Sfax|صفاقس
Nador|الناظور
Tangier|Tanger|Tangeri|طنجة
Oran|Wahran|وهران
Tbilisi|Tiflis|Τιφλίδα|تبليسي|Тбілісі
`;
